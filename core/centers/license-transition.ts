/**
 * The one place a center's license changes state. Every transition (issue,
 * renew, suspend, reinstate, revoke, expire, dissolve) goes through
 * `applyLicenseTransition` inside the caller's transaction, so the state
 * check, the Center update, the CenterLicenseEvent row, the audit row and the
 * chair's notification commit or roll back together.
 */
import type { Center, LicenseEventKind, LicenseState, Prisma } from '../../prisma/generated/client/client.ts';
import { personOf, type Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx, type Tx } from '../context.ts';
import { authorize } from '../policy.ts';
import { DomainError } from '../errors.ts';
import { lockKey } from '../context.ts';
import { notifyPerson } from '../outbox.ts';
import { jalaliToDbDate, toJalali } from '../jalali.ts';

/** From which states each event may happen (domain.md rule 1: applied → licensed → suspended ↔ licensed → revoked/expired; dissolved at the end). */
export const LICENSE_TRANSITIONS: Record<
  Exclude<LicenseEventKind, 'APPLIED'>,
  { from: readonly LicenseState[]; to: LicenseState }
> = {
  ISSUED: { from: ['APPLIED'], to: 'LICENSED' },
  // An application Imdad refuses; the center never acts under its name.
  REJECTED: { from: ['APPLIED'], to: 'REJECTED' },
  // An expired license may be renewed with its activity code: a late renewal should not
  // force a center to start over (a careful Imdad officer's expectation).
  RENEWED: { from: ['LICENSED', 'EXPIRED'], to: 'LICENSED' },
  SUSPENDED: { from: ['LICENSED'], to: 'SUSPENDED' },
  REINSTATED: { from: ['SUSPENDED'], to: 'LICENSED' },
  REVOKED: { from: ['LICENSED', 'SUSPENDED'], to: 'REVOKED' },
  EXPIRED: { from: ['LICENSED'], to: 'EXPIRED' },
  // Only a center that held a license has assets to hand over (an application is rejected instead).
  DISSOLVED: { from: ['LICENSED', 'SUSPENDED', 'REVOKED', 'EXPIRED'], to: 'DISSOLVED' },
};

export type TransitionKind = keyof typeof LICENSE_TRANSITIONS;

/** The date column each event stamps on the center. */
const STAMP: Partial<Record<TransitionKind, keyof Prisma.CenterUncheckedUpdateInput>> = {
  ISSUED: 'licensedAt',
  RENEWED: 'lastRenewedAt',
  SUSPENDED: 'suspendedAt',
  REVOKED: 'revokedAt',
  EXPIRED: 'expiredAt',
  DISSOLVED: 'dissolvedAt',
};

export interface TransitionDetails {
  reason?: string | undefined;
  letterNo?: string | undefined;
  assetHandover?: string | undefined;
  validUntil?: Date | undefined;
  inspectionId?: string | undefined;
  approvalRequestId?: string | undefined;
  /** Extra Center columns (activity code, expiry date). */
  centerData?: Prisma.CenterUncheckedUpdateInput;
}

/** Reads the center under a lock on it, so two decisions on one license are serialised. */
export async function lockCenter(tx: Tx, centerId: string): Promise<Center> {
  await lockKey(tx, `center:${centerId}`);
  const center = await tx.center.findUnique({ where: { id: centerId } });
  if (!center) throw new DomainError('NOT_FOUND', {}, `center ${centerId}`);
  return center;
}

export function assertTransition(center: Center, kind: TransitionKind): void {
  if (!LICENSE_TRANSITIONS[kind].from.includes(center.licenseState))
    throw new DomainError('LICENSE_TRANSITION_NOT_ALLOWED', { from: center.licenseState, event: kind });
}

export async function applyLicenseTransition(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  center: Center,
  kind: TransitionKind,
  details: TransitionDetails = {},
) {
  assertTransition(center, kind);
  const now = ctx.clock.now();
  const to = LICENSE_TRANSITIONS[kind].to;
  const stamp = STAMP[kind];
  const updated = await tx.center.update({
    where: { id: center.id },
    data: { licenseState: to, ...(stamp ? { [stamp]: now } : {}), ...details.centerData },
  });
  const event = await tx.centerLicenseEvent.create({
    data: {
      centerId: center.id,
      kind,
      fromState: center.licenseState,
      toState: to,
      activityCode: updated.activityCode,
      validUntil: details.validUntil ?? null,
      letterNo: details.letterNo ?? null,
      reason: details.reason ?? null,
      assetHandover: details.assetHandover ?? null,
      inspectionId: details.inspectionId ?? null,
      approvalRequestId: details.approvalRequestId ?? null,
      actorId: personOf(actor),
      at: now,
    },
  });
  await audit(tx, actor, {
    action: `license.${kind.toLowerCase()}`,
    entity: 'Center',
    entityId: center.id,
    before: { licenseState: center.licenseState, licenseExpiresOn: center.licenseExpiresOn },
    after: { licenseState: to, licenseExpiresOn: updated.licenseExpiresOn, activityCode: updated.activityCode, eventId: event.id },
  });
  const chair = await tx.trusteeMembership.findFirst({
    where: { centerId: center.id, role: 'CHAIR', state: 'APPOINTED' },
    select: { personId: true },
  });
  await notifyPerson(tx, chair?.personId, {
    template: `license.${kind.toLowerCase()}`,
    params: {
      center: updated.name,
      activityCode: updated.activityCode,
      reason: details.reason ?? null,
      validUntil: updated.licenseExpiresOn ? updated.licenseExpiresOn.toISOString().slice(0, 10) : null,
    },
    dedupeKey: `license:${event.id}`,
  });
  return { center: updated, event };
}

/** Today in Tehran as a `@db.Date` value (UTC midnight of that Gregorian day). */
export function tehranToday(now: Date): Date {
  return jalaliToDbDate(toJalali(now));
}

/** What a license decision returns: the center's license as it now stands, plain values only. */
export type CenterResult = Pick<Center, 'id' | 'name' | 'countyId' | 'licenseState' | 'activityCode' | 'licensedAt' | 'licenseExpiresOn'>;

export function centerResult(center: Center): CenterResult {
  return {
    id: center.id,
    name: center.name,
    countyId: center.countyId,
    licenseState: center.licenseState,
    activityCode: center.activityCode,
    licensedAt: center.licensedAt,
    licenseExpiresOn: center.licenseExpiresOn,
  };
}

/** A decision of the province office on one center: locks it, checks the actor may decide, then `decide`s. */
export async function onLockedCenter(ctx: Ctx, actor: Actor, centerId: string, decide: (tx: Tx, center: Center) => Promise<Center>): Promise<CenterResult> {
  return inTransaction(ctx, async (tx) => {
    const center = await lockCenter(tx, centerId);
    authorize(actor, 'license.decide', { centerId: center.id, countyId: center.countyId });
    return centerResult(await decide(tx, center));
  });
}

/** What issuing or renewing a license takes besides the center (from the form, or an approved proposal). */
export interface LicensePeriod {
  validityMonths: number;
  letterNo?: string | undefined;
  approvalRequestId?: string;
}

/** A decision by the province office on one center: lock, authorize, transition. */
export async function decideLicense(ctx: Ctx, actor: Actor, centerId: string, kind: TransitionKind, details: TransitionDetails = {}): Promise<CenterResult> {
  return onLockedCenter(ctx, actor, centerId, async (tx, center) => (await applyLicenseTransition(tx, ctx, actor, center, kind, details)).center);
}
