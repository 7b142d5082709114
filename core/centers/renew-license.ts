/** The province office renews a license (periodic renewal, domain.md rule 1) for N more Jalali months. */
import { z } from 'zod';
import type { Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx, Tx } from '../context.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { expiryAfter } from './issue-license.ts';
import { applyLicenseTransition, type CenterResult, type LicensePeriod, onLockedCenter, tehranToday } from './license-transition.ts';

export const renewLicenseInput = z.object({
  centerId: id,
  validityMonths: positiveInt(60).optional().default(12),
  letterNo: optionalText(100),
});
export type RenewLicenseInput = z.input<typeof renewLicenseInput>;

/** Renewing early extends from the current end; a lapsed license runs again from today (Tehran). */
export function renewedExpiry(currentEnd: Date | null, now: Date, months: number): Date {
  const today = tehranToday(now);
  const base = currentEnd && currentEnd >= today ? currentEnd : today;
  // A @db.Date is UTC midnight, 03:30 in Tehran: the same calendar day there.
  return expiryAfter(base, months);
}

export async function renewLicense(ctx: Ctx, actor: Actor, raw: RenewLicenseInput): Promise<CenterResult> {
  const input = parseInput(renewLicenseInput, raw);
  return onLockedCenter(ctx, actor, input.centerId, (tx, center) => renewLocked(tx, ctx, actor, center, input));
}

/** Renews the license of a center already locked and authorized (also used by an approved proposal). */
export async function renewLocked(tx: Tx, ctx: Ctx, actor: Actor, center: Center, opts: LicensePeriod): Promise<Center> {
  const licenseExpiresOn = renewedExpiry(center.licenseExpiresOn, ctx.clock.now(), opts.validityMonths);
  const { center: updated } = await applyLicenseTransition(tx, ctx, actor, center, 'RENEWED', {
    letterNo: opts.letterNo,
    validUntil: licenseExpiresOn,
    approvalRequestId: opts.approvalRequestId,
    centerData: { licenseExpiresOn, expiredAt: null },
  });
  return updated;
}
