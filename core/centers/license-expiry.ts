/**
 * "Expiring soon": a license that runs out within the warning window, so the county office
 * can inspect and renew in time (renewal is periodic, domain.md rule 1; a license is
 * issued for 12 months by default). The dashboard counts these and the centers' list
 * filters and marks them.
 */
import type { Prisma } from '../../prisma/generated/client/client.ts';

/** How far ahead an expiry is shown: two months leave time for an inspection and a renewal decision. */
export const LICENSE_EXPIRY_WARNING_DAYS = 60;

/** The last day (a @db.Date, UTC midnight) a license may run through and still count as expiring soon. */
export function expiryWarningHorizon(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(day.getTime() + LICENSE_EXPIRY_WARNING_DAYS * 86_400_000);
}

/** Licensed centers whose license runs out within the window (an expired one is already EXPIRED or about to be). */
export function expiringSoonWhere(now: Date): Prisma.CenterWhereInput {
  return { licenseState: 'LICENSED', licenseExpiresOn: { lte: expiryWarningHorizon(now) } };
}

export function isExpiringSoon(center: { licenseState: string; licenseExpiresOn: Date | null }, now: Date): boolean {
  return center.licenseState === 'LICENSED' && !!center.licenseExpiresOn && center.licenseExpiresOn.getTime() <= expiryWarningHorizon(now).getTime();
}
