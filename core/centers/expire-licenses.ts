/**
 * The daily system job: every LICENSED center whose license ran through a day
 * before today (Tehran) becomes EXPIRED. Each center in its own transaction,
 * so one failure does not hold back the others; a center renewed meanwhile
 * is skipped because its state and date are re-read under the lock.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { applyLicenseTransition, lockCenter, tehranToday } from './license-transition.ts';

export const expireLicensesInput = z.object({}).optional();
export type ExpireLicensesInput = z.input<typeof expireLicensesInput>;

/** The centers whose license ran out in this run. */
export interface ExpiredLicenses {
  expired: string[];
}

export async function expireLicenses(ctx: Ctx, actor: Actor, raw: ExpireLicensesInput = {}): Promise<ExpiredLicenses> {
  parseInput(expireLicensesInput, raw);
  // Only the scheduler (a system actor) runs this; the province office decides the rest by hand.
  if (actor.kind !== 'system') authorize(actor, 'license.decide', {});
  const today = tehranToday(ctx.clock.now());
  const due = await ctx.db.center.findMany({
    where: { licenseState: 'LICENSED', licenseExpiresOn: { lt: today } },
    select: { id: true },
    orderBy: { licenseExpiresOn: 'asc' },
  });
  const expired: string[] = [];
  for (const { id } of due) {
    const done = await inTransaction(ctx, async (tx) => {
      const center = await lockCenter(tx, id);
      if (center.licenseState !== 'LICENSED' || !center.licenseExpiresOn || center.licenseExpiresOn >= today) return false;
      await applyLicenseTransition(tx, ctx, actor, center, 'EXPIRED', { validUntil: center.licenseExpiresOn });
      return true;
    });
    if (done) expired.push(id);
  }
  return { expired };
}
