/**
 * The donor (or a donor officer or county staff) cancels an active pledge:
 * its installments not yet due or paid are CANCELLED; what was paid or missed
 * stays as history. Allowed at a suspended center too (the donor's own promise).
 */
import { z } from 'zod';
import type { Pledge } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { jalaliToDbDate, toJalali } from '../jalali.ts';
import { authorize } from '../policy.ts';
import { centerScope, loadCenter } from './shared.ts';

export const cancelPledgeInput = z.object({
  pledgeId: id,
  reason: optionalText(1000),
});
export type CancelPledgeInput = z.input<typeof cancelPledgeInput>;

export async function cancelPledge(ctx: Ctx, actor: Actor, raw: CancelPledgeInput): Promise<Pledge> {
  const input = parseInput(cancelPledgeInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `pledge:${input.pledgeId}`);
    const pledge = await tx.pledge.findUnique({ where: { id: input.pledgeId } });
    if (!pledge) throw new DomainError('NOT_FOUND', { entity: 'Pledge' });
    authorize(actor, 'pledge.cancel', centerScope(await loadCenter(tx, pledge.centerId), pledge.donorId));
    if (pledge.state !== 'ACTIVE') throw new DomainError('INVALID_STATE', { state: pledge.state });

    const now = ctx.clock.now();
    const today = jalaliToDbDate(toJalali(now));
    const future = await tx.pledgeInstallment.findMany({
      where: { pledgeId: pledge.id, state: 'PENDING', dueOn: { gte: today } },
      select: { id: true },
    });
    await tx.pledgeInstallment.updateMany({ where: { id: { in: future.map((i) => i.id) } }, data: { state: 'CANCELLED' } });
    const cancelled = await tx.pledge.update({
      where: { id: pledge.id },
      data: { state: 'CANCELLED', cancelledAt: now, cancelReason: input.reason ?? null },
    });
    await audit(tx, actor, {
      action: 'pledge.cancel',
      entity: 'Pledge',
      entityId: pledge.id,
      before: { state: pledge.state, pendingInstallmentIds: future.map((i) => i.id) },
      after: { state: cancelled.state, reason: input.reason ?? null },
    });
    return cancelled;
  });
}
