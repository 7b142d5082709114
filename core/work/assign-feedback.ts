/**
 * An Imdad office hands a piece of feedback or a complaint to a colleague who will answer
 * it: an active operator whose area covers it (the county's staff, or the province admin).
 * Handling it later records whoever answers; this records who is expected to.
 */
import { z } from 'zod';
import type { Actor, StaffActor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, can } from '../policy.ts';

export const assignFeedbackInput = z.object({ feedbackId: id, assignedToId: id });
export type AssignFeedbackInput = z.input<typeof assignFeedbackInput>;

export interface AssignedFeedback {
  id: string;
  assignedToId: string;
}

export async function assignFeedback(ctx: Ctx, actor: Actor, raw: AssignFeedbackInput): Promise<AssignedFeedback> {
  const input = parseInput(assignFeedbackInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `feedback:${input.feedbackId}`);
    const fb = await tx.feedback.findUnique({ where: { id: input.feedbackId } });
    if (!fb) throw new DomainError('NOT_FOUND');
    const scope = { countyId: fb.countyId, centerId: fb.centerId };
    authorize(actor, 'feedback.handle', scope);
    if (fb.state === 'RESOLVED' || fb.state === 'DISMISSED') throw new DomainError('FEEDBACK_CLOSED');
    const colleague = await tx.staffUser.findUnique({ where: { id: input.assignedToId } });
    // The colleague must be able to answer it: an active operator covering the feedback's area.
    const asActor = colleague && colleague.active && colleague.role !== 'CENTER_TRUSTEE'
      ? ({ kind: 'staff', staffUserId: colleague.id, personId: colleague.personId, role: colleague.role, countyId: colleague.countyId, provinceId: colleague.provinceId } satisfies StaffActor)
      : null;
    if (!asActor || !can(asActor, 'feedback.handle', scope)) throw new DomainError('VALIDATION', { field: 'assignedToId' });
    await tx.feedback.update({ where: { id: fb.id }, data: { assignedToId: asActor.staffUserId } });
    await audit(tx, actor, {
      action: 'feedback.assign',
      entity: 'Feedback',
      entityId: fb.id,
      before: { assignedToId: fb.assignedToId },
      after: { assignedToId: asActor.staffUserId },
    });
    return { id: fb.id, assignedToId: asActor.staffUserId };
  });
}
