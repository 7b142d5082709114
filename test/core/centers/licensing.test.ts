/**
 * The license lifecycle: who may apply and decide, which transitions the
 * regulation allows from which state, the activity code, the event history,
 * the audit row and the chair's notification written with each change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LicenseState } from '../../../prisma/generated/client/client.ts';
import type { Db } from '../../../prisma/client.ts';
import type { Ctx } from '../../../core/context.ts';
import { applyForLicense, type ApplyForLicenseInput } from '../../../core/centers/apply-for-license.ts';
import { issueLicense } from '../../../core/centers/issue-license.ts';
import { renewLicense } from '../../../core/centers/renew-license.ts';
import { suspendLicense } from '../../../core/centers/suspend-license.ts';
import { reinstateLicense } from '../../../core/centers/reinstate-license.ts';
import { revokeLicense } from '../../../core/centers/revoke-license.ts';
import { dissolveCenter } from '../../../core/centers/dissolve-center.ts';
import { rejectApplication } from '../../../core/centers/reject-application.ts';
import { LICENSE_TRANSITIONS } from '../../../core/centers/license-transition.ts';
import { authorize } from '../../../core/policy.ts';
import { createCenter, createDonation } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { chairWithChat, openWorld, type World } from '../../helpers/centers.ts';

const database = useTestDatabase();
let db: Db;
let ctx: Ctx;
let w: World;
beforeAll(async () => ({ db, ctx, w } = await openWorld(database)));

const ALL_STATES: LicenseState[] = ['APPLIED', 'REJECTED', 'LICENSED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'DISSOLVED'];

function applyInput(countyId: string): ApplyForLicenseInput {
  return {
    countyId,
    name: 'مركز نيكوكاري مسجد الزهرا ۱۲',
    hostType: 'MOSQUE',
    hostName: 'مسجد الزهرا',
    address: 'مشهد، بلوار وكيل‌آباد ۱۲',
    activityArea: 'محله الهیه',
    activityAreaBoundary: { type: 'Polygon', coordinates: [[[59.5, 36.3], [59.6, 36.3], [59.6, 36.4], [59.5, 36.3]]] },
    areaKind: 'LESS_PRIVILEGED',
  };
}

describe('apply for a license', () => {
  it('county staff apply in their county: APPLIED, normalised text, an APPLIED event and an audit row', async () => {
    const c = await applyForLicense(ctx, w.staffA, applyInput(w.countyA));
    expect(c.licenseState).toBe('APPLIED');
    expect(c.activityCode).toBeNull();
    const row = await db.center.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.name).toBe('مرکز نیکوکاری مسجد الزهرا 12');
    expect(row.activityAreaBoundary).toMatchObject({ type: 'Polygon' });
    expect(await db.centerLicenseEvent.count({ where: { centerId: c.id, kind: 'APPLIED' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: 'Center', entityId: c.id, action: 'center.apply' } })).toBe(1);
  });
  it('is refused to staff of another county, to a supervisor and to a trustee', async () => {
    await expect(applyForLicense(ctx, w.staffB, applyInput(w.countyA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(applyForLicense(ctx, w.supervisor, applyInput(w.countyA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, other.id, 'CHAIR');
    await expect(applyForLicense(ctx, chair, applyInput(w.countyA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.center.count({ where: { countyId: w.countyA, licenseState: 'APPLIED', hostName: 'مسجد الزهرا' } })).toBe(1);
  });
  it('rejects a malformed boundary and a missing host name with a typed error', async () => {
    // @ts-expect-error -- a point is no area: what is tested is that the schema refuses it at run time
    await expect(applyForLicense(ctx, w.staffA, { ...applyInput(w.countyA), activityAreaBoundary: { type: 'Point', coordinates: [1, 2] } })).rejects.toMatchObject({
      name: 'DomainError',
    });
    await expect(applyForLicense(ctx, w.staffA, { ...applyInput(w.countyA), hostName: '  ' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await expect(applyForLicense(ctx, w.staffA, { ...applyInput(w.countyA), hostName: ' \u200B ' })).rejects.toMatchObject({ code: 'TEXT_NOT_VISIBLE' });
  });
});

describe('issue a license', () => {
  it('the province admin issues: code "<county code>-0001", expiry a Jalali year on, receipt counter, event, audit, chair notified', async () => {
    const county = await db.county.findUniqueOrThrow({ where: { id: w.countyA } });
    const applied = await applyForLicense(ctx, w.staffA, { ...applyInput(w.countyA), name: 'مرکز یک' });
    const chair = await chairWithChat(db, applied.id);
    const c = await issueLicense(ctx, w.provinceAdmin, { centerId: applied.id, letterNo: '۱۲۳/الف' });
    expect(c.licenseState).toBe('LICENSED');
    expect(c.activityCode).toBe(`${county.code}-0001`);
    expect(c.licensedAt?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    // 5 Azar 1405 + 12 months = 5 Azar 1406 = 2027-11-26.
    expect(c.licenseExpiresOn?.toISOString().slice(0, 10)).toBe('2027-11-26');
    expect(await db.receiptCounter.findUnique({ where: { centerId: c.id } })).toMatchObject({ lastNo: 0 });
    const event = await db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: c.id, kind: 'ISSUED' } });
    expect(event).toMatchObject({ fromState: 'APPLIED', toState: 'LICENSED', activityCode: c.activityCode, letterNo: '123/الف', actorId: w.provinceAdmin.personId });
    expect(await db.auditLog.count({ where: { entityId: c.id, action: 'license.issued' } })).toBe(1);
    const msg = await db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: chair.chat.id } });
    expect(msg.template).toBe('license.issued');
  });
  it('activity codes are unique per county and never reused, even under parallel issuing', async () => {
    const county = await db.county.findUniqueOrThrow({ where: { id: w.countyB } });
    const staffB = w.staffB;
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await applyForLicense(ctx, staffB, { ...applyInput(w.countyB), name: `مرکز ${i}` })).id);
    const issued = await Promise.all(ids.map((centerId) => issueLicense(ctx, w.supervisor, { centerId })));
    const codes = issued.map((c) => c.activityCode).sort();
    expect(codes).toEqual([1, 2, 3, 4].map((n) => `${county.code}-000${n}`));
    // A revoked center keeps its code; the next license in the county gets a new one.
    await revokeLicense(ctx, w.supervisor, { centerId: ids[3]!, reason: 'تخلف' });
    const next = await applyForLicense(ctx, staffB, { ...applyInput(w.countyB), name: 'مرکز بعدی' });
    expect((await issueLicense(ctx, w.supervisor, { centerId: next.id })).activityCode).toBe(`${county.code}-0005`);
  });
  it('is refused to county staff, an auditor and a chair; nothing changes', async () => {
    const applied = await applyForLicense(ctx, w.staffA, applyInput(w.countyA));
    const chair = await trusteeActor(db, applied.id, 'CHAIR');
    for (const actor of [w.staffA, w.auditor, chair])
      await expect(issueLicense(ctx, actor, { centerId: applied.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.center.findUniqueOrThrow({ where: { id: applied.id } })).toMatchObject({ licenseState: 'APPLIED', activityCode: null });
    expect(await db.receiptCounter.count({ where: { centerId: applied.id } })).toBe(0);
  });
});

/** Every use-case that changes a license, with a valid input for it. */
const DECISIONS = {
  ISSUED: (centerId: string) => issueLicense(ctx, w.provinceAdmin, { centerId }),
  REJECTED: (centerId: string) => rejectApplication(ctx, w.provinceAdmin, { centerId, reason: 'محدوده تکراری' }),
  RENEWED: (centerId: string) => renewLicense(ctx, w.provinceAdmin, { centerId }),
  SUSPENDED: (centerId: string) => suspendLicense(ctx, w.provinceAdmin, { centerId, reason: 'گزارش نظارت' }),
  REINSTATED: (centerId: string) => reinstateLicense(ctx, w.provinceAdmin, { centerId }),
  REVOKED: (centerId: string) => revokeLicense(ctx, w.provinceAdmin, { centerId, reason: 'تخلف مالی' }),
  DISSOLVED: (centerId: string) => dissolveCenter(ctx, w.provinceAdmin, { centerId, assetHandover: 'تحویل اموال به اداره شهرستان' }),
} as const;

/**
 * The regulation, written out independently of the code's table: applied → licensed →
 * suspended ↔ licensed → revoked/expired; renewal is periodic (a lapsed license may be
 * renewed); dissolution ends a center that held a license.
 */
const EXPECTED: Record<keyof typeof DECISIONS, { from: LicenseState[]; to: LicenseState }> = {
  ISSUED: { from: ['APPLIED'], to: 'LICENSED' },
  REJECTED: { from: ['APPLIED'], to: 'REJECTED' },
  RENEWED: { from: ['LICENSED', 'EXPIRED'], to: 'LICENSED' },
  SUSPENDED: { from: ['LICENSED'], to: 'SUSPENDED' },
  REINSTATED: { from: ['SUSPENDED'], to: 'LICENSED' },
  REVOKED: { from: ['LICENSED', 'SUSPENDED'], to: 'REVOKED' },
  DISSOLVED: { from: ['LICENSED', 'SUSPENDED', 'REVOKED', 'EXPIRED'], to: 'DISSOLVED' },
};

describe('transitions allowed by the regulation, and only those', () => {
  for (const [kind, decide] of Object.entries(DECISIONS) as [keyof typeof DECISIONS, (id: string) => Promise<{ licenseState: string }>][]) {
    const { from, to } = EXPECTED[kind];
    for (const state of ALL_STATES) {
      const allowed = from.includes(state);
      it(`${kind} from ${state}: ${allowed ? `→ ${to}` : 'refused'}`, async () => {
        const center = await createCenter(db, { countyId: w.countyA, licenseState: state });
        const before = await db.centerLicenseEvent.count({ where: { centerId: center.id } });
        if (allowed) {
          expect((await decide(center.id)).licenseState).toBe(to);
          expect(await db.centerLicenseEvent.count({ where: { centerId: center.id, kind, fromState: state, toState: to } })).toBe(1);
          expect(await db.auditLog.count({ where: { entityId: center.id, action: `license.${kind.toLowerCase()}` } })).toBe(1);
        } else {
          await expect(decide(center.id)).rejects.toMatchObject({ code: 'LICENSE_TRANSITION_NOT_ALLOWED' });
          expect((await db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe(state);
          expect(await db.centerLicenseEvent.count({ where: { centerId: center.id } })).toBe(before);
          expect(await db.auditLog.count({ where: { entityId: center.id } })).toBe(0);
        }
      });
    }
  }
  it('expiry (a system job, tested in expiry-and-listing) applies to LICENSED only', () => {
    expect(LICENSE_TRANSITIONS.EXPIRED).toEqual({ from: ['LICENSED'], to: 'EXPIRED' });
  });
});

describe('license decisions: reasons, roles and counties', () => {
  it('suspend and revoke need a reason, dissolve needs the asset hand-over', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    await expect(suspendLicense(ctx, w.provinceAdmin, { centerId: c.id, reason: '  ' })).rejects.toMatchObject({ code: 'REQUIRED' });
    // @ts-expect-error -- no reason: what is tested is the run-time refusal
    await expect(revokeLicense(ctx, w.provinceAdmin, { centerId: c.id })).rejects.toMatchObject({ code: 'REQUIRED' });
    // @ts-expect-error -- no asset hand-over: what is tested is the run-time refusal
    await expect(dissolveCenter(ctx, w.provinceAdmin, { centerId: c.id })).rejects.toMatchObject({ code: 'REQUIRED' });
    const applied = await createCenter(db, { countyId: w.countyA, licenseState: 'APPLIED' });
    // @ts-expect-error -- no reason: what is tested is the run-time refusal
    await expect(rejectApplication(ctx, w.provinceAdmin, { centerId: applied.id })).rejects.toMatchObject({ code: 'REQUIRED' });
    expect((await db.center.findUniqueOrThrow({ where: { id: c.id } })).licenseState).toBe('LICENSED');
  });
  it('the reason and hand-over are recorded on the event and sent to the chair', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await chairWithChat(db, c.id);
    await suspendLicense(ctx, w.supervisor, { centerId: c.id, reason: 'عدم ثبت کمک‌ها' });
    expect(await db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: c.id, kind: 'SUSPENDED' } })).toMatchObject({ reason: 'عدم ثبت کمک‌ها' });
    const msg = await db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: chair.chat.id, template: 'license.suspended' } });
    expect(msg.params).toMatchObject({ reason: 'عدم ثبت کمک‌ها' });
    await revokeLicense(ctx, w.supervisor, { centerId: c.id, reason: 'تخلف' });
    await dissolveCenter(ctx, w.supervisor, { centerId: c.id, assetHandover: 'تحویل به اداره' });
    expect(await db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: c.id, kind: 'DISSOLVED' } })).toMatchObject({ assetHandover: 'تحویل به اداره' });
    expect(await db.outboxMessage.count({ where: { chatAccountId: chair.chat.id } })).toBe(3);
  });
  it('county staff (own county or not), an auditor and the chair may not decide a license', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, c.id, 'CHAIR');
    for (const actor of [w.staffA, w.staffB, w.auditor, chair]) {
      await expect(suspendLicense(ctx, actor, { centerId: c.id, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(revokeLicense(ctx, actor, { centerId: c.id, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(renewLicense(ctx, actor, { centerId: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(dissolveCenter(ctx, actor, { centerId: c.id, assetHandover: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db.centerLicenseEvent.count({ where: { centerId: c.id } })).toBe(0);
  });
  it('an unknown center is NOT_FOUND', async () => {
    await expect(suspendLicense(ctx, w.provinceAdmin, { centerId: 'nope', reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('renewal', () => {
  it('extends from the current end when renewed early, from today when lapsed, and reinstating keeps code and expiry', async () => {
    const c = await createCenter(db, { countyId: w.countyA, licenseExpiresOn: new Date('2026-12-21') });
    const renewed = await renewLicense(ctx, w.provinceAdmin, { centerId: c.id, validityMonths: 12 });
    expect(renewed.licenseExpiresOn?.toISOString().slice(0, 10)).toBe('2027-12-21');
    const lapsed = await createCenter(db, { countyId: w.countyA, licenseState: 'EXPIRED', licenseExpiresOn: new Date('2026-10-01') });
    const again = await renewLicense(ctx, w.provinceAdmin, { centerId: lapsed.id, validityMonths: 6 });
    expect(again).toMatchObject({ licenseState: 'LICENSED', activityCode: lapsed.activityCode });
    expect(again.licenseExpiresOn?.toISOString().slice(0, 10)).toBe('2027-05-26');
    await suspendLicense(ctx, w.provinceAdmin, { centerId: c.id, reason: 'x' });
    const back = await reinstateLicense(ctx, w.provinceAdmin, { centerId: c.id });
    expect(back).toMatchObject({ licenseState: 'LICENSED', activityCode: c.activityCode });
    expect(back.licenseExpiresOn?.toISOString().slice(0, 10)).toBe('2027-12-21');
  });
});

describe('a suspended center', () => {
  it('keeps its records and is read-only for its trustees, while Imdad staff still act', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, c.id, 'CHAIR');
    const donation = await createDonation(db, { centerId: c.id });
    await suspendLicense(ctx, w.provinceAdmin, { centerId: c.id, reason: 'بازرسی' });
    const row = await db.center.findUniqueOrThrow({ where: { id: c.id } });
    const scope = { centerId: row.id, countyId: row.countyId, licenseState: row.licenseState };
    expect(() => authorize(chair, 'center.update', scope)).toThrowError(expect.objectContaining({ code: 'CENTER_READ_ONLY' }));
    expect(() => authorize(chair, 'trustee.propose', scope)).toThrowError(expect.objectContaining({ code: 'CENTER_READ_ONLY' }));
    expect(() => authorize(chair, 'center.read', scope)).not.toThrow();
    expect(() => authorize(w.staffA, 'center.update', scope)).not.toThrow();
    expect(await db.donation.findUnique({ where: { id: donation.id } })).not.toBeNull();
    expect(await db.trusteeMembership.count({ where: { centerId: c.id, state: 'APPOINTED' } })).toBe(1);
    expect(row.activityCode).toBe(c.activityCode);
  });
});
