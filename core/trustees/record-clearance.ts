/**
 * County staff record one vetting office's answer on a trustee candidacy, as the office gave
 * it: selection (گزینش) or security (حراست), cleared or refused, on which day, with a note.
 * Each office answers once per candidacy; a refusal ends the candidacy (REJECTED, its note
 * the reason) and withdraws a pending appointment request. Appointing needs both cleared.
 */
import { z } from 'zod';
import { ClearanceOutcome, VettingOffice, type TrusteeClearance } from '../../prisma/generated/client/client.ts';
import { personOf, type Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { tehranToday } from '../centers/license-transition.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { day, id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, loadMembership } from './membership.ts';

export const recordClearanceInput = z
  .object({
    membershipId: id,
    office: z.enum(VettingOffice, { message: 'VALIDATION' }),
    outcome: z.enum(ClearanceOutcome, { message: 'VALIDATION' }),
    /** The day of the office's answer; today when omitted. */
    decidedOn: day.optional(),
    note: optionalText(1000),
  })
  .refine((v) => v.outcome !== 'REFUSED' || !!v.note, { message: 'REQUIRED', path: ['note'] });
export type RecordClearanceInput = z.input<typeof recordClearanceInput>;

export type ClearanceResult = Pick<TrusteeClearance, 'id' | 'membershipId' | 'office' | 'outcome' | 'decidedOn' | 'note' | 'recordedById' | 'recordedAt'>;

export async function recordClearance(ctx: Ctx, actor: Actor, raw: RecordClearanceInput): Promise<ClearanceResult> {
  const input = parseInput(recordClearanceInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    authorize(actor, 'trustee.vet', centerScope(m.center));
    if (m.state !== 'VETTING') throw new DomainError('TRUSTEE_NOT_IN_VETTING', { state: m.state });
    const given = await tx.trusteeClearance.findUnique({ where: { membershipId_office: { membershipId: m.id, office: input.office } } });
    if (given) throw new DomainError('CLEARANCE_ALREADY_RECORDED', { office: input.office });
    const now = ctx.clock.now();
    const clearance = await tx.trusteeClearance.create({
      data: {
        membershipId: m.id,
        office: input.office,
        outcome: input.outcome,
        decidedOn: input.decidedOn ?? tehranToday(now),
        note: input.note ?? null,
        recordedById: personOf(actor),
        recordedAt: now,
      },
    });
    const result: ClearanceResult = {
      id: clearance.id,
      membershipId: m.id,
      office: clearance.office,
      outcome: clearance.outcome,
      decidedOn: clearance.decidedOn,
      note: clearance.note,
      recordedById: clearance.recordedById,
      recordedAt: clearance.recordedAt,
    };
    await audit(tx, actor, { action: 'trustee.recordClearance', entity: 'TrusteeClearance', entityId: clearance.id, after: result });
    if (input.outcome === 'REFUSED') {
      await tx.trusteeMembership.update({ where: { id: m.id }, data: { state: 'REJECTED', rejectedAt: now, rejectReason: input.note! } });
      const withdrawn = await tx.approvalRequest.updateMany({
        where: { kind: 'TRUSTEE_APPOINTMENT', targetEntity: 'TrusteeMembership', targetId: m.id, state: 'PENDING' },
        data: { state: 'CANCELLED', decidedById: personOf(actor), decidedAt: now, decisionReason: input.note! },
      });
      await audit(tx, actor, {
        action: 'trustee.reject',
        entity: 'TrusteeMembership',
        entityId: m.id,
        before: { state: m.state },
        after: { state: 'REJECTED', reason: input.note, office: input.office, requestsWithdrawn: withdrawn.count },
      });
    }
    return result;
  });
}
