/**
 * The province office issues a center's license with a unique activity code
 * (کد فعالیت, domain.md rule 1): the county's code and a sequence number that
 * is never reused, a validity period on the Jalali calendar, and the center's
 * receipt counter, from which its donations are numbered.
 */
import { z } from 'zod';
import type { Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { lockKey, type Ctx, type Tx } from '../context.ts';
import { addJalaliMonthsTo, jalaliToDbDate, toJalali } from '../jalali.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { applyLicenseTransition, assertTransition, type CenterResult, type LicensePeriod, onLockedCenter } from './license-transition.ts';

export const issueLicenseInput = z.object({
  centerId: id,
  /** How long the license runs, in Jalali months from today (Tehran). */
  validityMonths: positiveInt(60).optional().default(12),
  letterNo: optionalText(100),
});
export type IssueLicenseInput = z.input<typeof issueLicenseInput>;

/** The license's last valid day: the same Jalali day `months` later. */
export function expiryAfter(now: Date, months: number): Date {
  return jalaliToDbDate(addJalaliMonthsTo(toJalali(now), months));
}

/**
 * Next activity code of a county: "<county code>-<0001>". The sequence is the highest
 * ever issued in the county plus one, read from the centers and from the append-only
 * license history, so a code is never handed out twice even if a center's row changed.
 */
export async function nextActivityCode(tx: Tx, countyId: string): Promise<string> {
  await lockKey(tx, `activity-code:${countyId}`);
  const county = await tx.county.findUniqueOrThrow({ where: { id: countyId }, select: { id: true, code: true } });
  const prefix = `${county.code ?? county.id}-`;
  const [centers, events] = await Promise.all([
    tx.center.findMany({ where: { activityCode: { startsWith: prefix } }, select: { activityCode: true } }),
    tx.centerLicenseEvent.findMany({ where: { activityCode: { startsWith: prefix } }, select: { activityCode: true } }),
  ]);
  let max = 0;
  for (const { activityCode } of [...centers, ...events]) {
    const tail = activityCode!.slice(prefix.length);
    if (/^\d+$/.test(tail)) max = Math.max(max, Number(tail));
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

export async function issueLicense(ctx: Ctx, actor: Actor, raw: IssueLicenseInput): Promise<CenterResult> {
  const input = parseInput(issueLicenseInput, raw);
  return onLockedCenter(ctx, actor, input.centerId, (tx, center) => issueLocked(tx, ctx, actor, center, input));
}

/** Issues the license of a center already locked and authorized (also used by an approved proposal). */
export async function issueLocked(tx: Tx, ctx: Ctx, actor: Actor, center: Center, opts: LicensePeriod): Promise<Center> {
  assertTransition(center, 'ISSUED');
  const activityCode = await nextActivityCode(tx, center.countyId);
  const licenseExpiresOn = expiryAfter(ctx.clock.now(), opts.validityMonths);
  await tx.receiptCounter.upsert({ where: { centerId: center.id }, create: { centerId: center.id, lastNo: 0 }, update: {} });
  const { center: updated } = await applyLicenseTransition(tx, ctx, actor, center, 'ISSUED', {
    letterNo: opts.letterNo,
    validUntil: licenseExpiresOn,
    approvalRequestId: opts.approvalRequestId,
    centerData: { activityCode, licenseExpiresOn },
  });
  return updated;
}
