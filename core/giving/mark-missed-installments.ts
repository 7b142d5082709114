/**
 * Daily system job: installments of active pledges whose due day has passed
 * (Tehran calendar) with nothing paid become MISSED; a pledge whose latest
 * ctx.settings.pledgeLapseAfterMissed due installments were all missed in a
 * row LAPSES (its future installments are cancelled, the donor is told).
 * Idempotent: running it twice on a day changes nothing the second time.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { parseInput } from '../input/schemas.ts';
import { jalaliToDbDate, toJalali } from '../jalali.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { donorPersonId } from './shared.ts';

export const markMissedInstallmentsInput = z.object({}).default({});
export type MarkMissedInstallmentsInput = z.input<typeof markMissedInstallmentsInput>;

/** How many installments were marked missed, and the pledges that lapsed. */
export interface MissedInstallments {
  missed: number;
  lapsed: string[];
}

export async function markMissedInstallments(ctx: Ctx, actor: Actor, raw?: MarkMissedInstallmentsInput): Promise<MissedInstallments> {
  parseInput(markMissedInstallmentsInput, raw);
  // Province-wide: the system job (or a province admin running it by hand).
  authorize(actor, 'pledge.cancel', {});
  const now = ctx.clock.now();
  const today = jalaliToDbDate(toJalali(now));
  const due = await ctx.db.pledgeInstallment.findMany({
    where: { state: 'PENDING', dueOn: { lt: today }, pledge: { state: 'ACTIVE' } },
    select: { pledgeId: true },
    distinct: ['pledgeId'],
  });
  let missed = 0;
  const lapsed: string[] = [];
  for (const { pledgeId } of due) {
    // One transaction per pledge: a failure stops one pledge, not the whole job.
    await inTransaction(ctx, async (tx) => {
      await lockKey(tx, `pledge:${pledgeId}`);
      const pledge = await tx.pledge.findUniqueOrThrow({ where: { id: pledgeId } });
      if (pledge.state !== 'ACTIVE') return;
      const late = await tx.pledgeInstallment.findMany({
        where: { pledgeId, state: 'PENDING', dueOn: { lt: today } },
        select: { id: true },
      });
      await tx.pledgeInstallment.updateMany({ where: { id: { in: late.map((i) => i.id) } }, data: { state: 'MISSED' } });
      missed += late.length;
      await audit(tx, actor, {
        action: 'pledge.installmentsMissed',
        entity: 'Pledge',
        entityId: pledgeId,
        before: { installmentIds: late.map((i) => i.id), state: 'PENDING' },
        after: { state: 'MISSED' },
      });

      // The run of misses ending at the latest installment already due.
      const pastDue = await tx.pledgeInstallment.findMany({
        where: { pledgeId, dueOn: { lt: today } },
        orderBy: { seq: 'desc' },
        select: { state: true },
      });
      let run = 0;
      while (run < pastDue.length && pastDue[run]!.state === 'MISSED') run++;
      if (run < ctx.settings.pledgeLapseAfterMissed) return;

      const future = await tx.pledgeInstallment.findMany({ where: { pledgeId, state: 'PENDING' }, select: { id: true } });
      await tx.pledgeInstallment.updateMany({ where: { id: { in: future.map((i) => i.id) } }, data: { state: 'CANCELLED' } });
      await tx.pledge.update({ where: { id: pledgeId }, data: { state: 'LAPSED', lapsedAt: now } });
      await audit(tx, actor, {
        action: 'pledge.lapse',
        entity: 'Pledge',
        entityId: pledgeId,
        before: { state: 'ACTIVE', pendingInstallmentIds: future.map((i) => i.id) },
        after: { state: 'LAPSED', missedInARow: run },
      });
      await notifyPerson(tx, await donorPersonId(tx, pledge.donorId), {
        template: 'pledge.lapsed',
        params: { missed: run },
        dedupeKey: `pledge.lapsed:${pledgeId}`,
      });
      lapsed.push(pledgeId);
    });
  }
  return { missed, lapsed };
}
