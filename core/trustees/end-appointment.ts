/** Imdad staff end a trustee's appointment (term over, resignation, misconduct); the reason is required. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, endMembership, loadMembership, membershipResult, type MembershipResult } from './membership.ts';

export const endAppointmentInput = z.object({ membershipId: id, reason: text(1000) });
export type EndAppointmentInput = z.input<typeof endAppointmentInput>;

export async function endAppointment(ctx: Ctx, actor: Actor, raw: EndAppointmentInput): Promise<MembershipResult> {
  const input = parseInput(endAppointmentInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    authorize(actor, 'trustee.end', centerScope(m.center));
    if (m.state !== 'APPOINTED') throw new DomainError('TRUSTEE_NOT_APPOINTED', { state: m.state });
    const ended = await endMembership(tx, ctx, actor, m, input.reason);
    // A code issued for a membership that is over must not link anyone any more.
    await tx.trusteeLinkCode.updateMany({
      where: { membershipId: m.id, usedAt: null, revokedAt: null },
      data: { revokedAt: ctx.clock.now() },
    });
    return membershipResult(ended);
  });
}
