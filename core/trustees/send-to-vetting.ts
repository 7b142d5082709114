/** County staff send a proposed trustee to the selection (گزینش) and security (حراست) offices. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, loadMembership, membershipResult, type MembershipResult } from './membership.ts';

export const sendToVettingInput = z.object({ membershipId: id });
export type SendToVettingInput = z.input<typeof sendToVettingInput>;

export async function sendToVetting(ctx: Ctx, actor: Actor, raw: SendToVettingInput): Promise<MembershipResult> {
  const input = parseInput(sendToVettingInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    authorize(actor, 'trustee.vet', centerScope(m.center));
    if (m.state !== 'PROPOSED') throw new DomainError('INVALID_STATE', { state: m.state });
    const updated = await tx.trusteeMembership.update({
      where: { id: m.id },
      data: { state: 'VETTING', vettingStartedAt: ctx.clock.now() },
    });
    await audit(tx, actor, {
      action: 'trustee.sendToVetting',
      entity: 'TrusteeMembership',
      entityId: m.id,
      before: { state: m.state },
      after: { state: updated.state },
    });
    return membershipResult(updated);
  });
}
