/**
 * The panel's dashboard figures, scoped to who asks: the province sees every
 * county, county staff their county, a trustee their center; this Jalali
 * month in Tehran; confirmed cash net of reversals; overdue tasks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCtx, type Ctx } from '../../../core/context.ts';
import { getDashboard } from '../../../core/reports/get-dashboard.ts';
import type { Center } from '../../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation } from '../../../fixtures/factories.ts';
import { donorActor, staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const NOW = new Date('2026-11-26T08:00:00Z'); // 5 Azar 1405, Tehran
const inAzar = new Date('2026-11-25T10:00:00Z');
const azarFirstMinutes = new Date('2026-11-21T20:40:00Z'); // 00:10 on 1 Azar in Tehran
const lastAbanMinute = new Date('2026-11-21T20:29:00Z'); // 23:59 on 30 Aban in Tehran

const database = useTestDatabase();
let ctx: Ctx;
let a1: Center;
let a2: Center;
let b1: Center;

beforeAll(async () => {
  const db = database.db;
  ctx = createCtx({ db, clock: { now: () => NOW } });
  const countyA = await createCounty(db);
  const countyB = await createCounty(db, { provinceId: countyA.provinceId });
  a1 = await createCenter(db, { countyId: countyA.id });
  a2 = await createCenter(db, { countyId: countyA.id });
  b1 = await createCenter(db, { countyId: countyB.id });
  await createCenter(db, { countyId: countyA.id, licenseState: 'SUSPENDED' });
  await createCenter(db, { countyId: countyB.id, licenseState: 'APPLIED' });

  const cash = (centerId: string, fund: 'GENERAL' | 'ZAKAT', rial: bigint, paidAt: Date, state: 'CONFIRMED' | 'REPORTED' = 'CONFIRMED') =>
    createDonation(db, { centerId, fund, amountRial: rial, paidAt, state });
  await cash(a1.id, 'ZAKAT', 10_000_000n, inAzar);
  await cash(a1.id, 'GENERAL', 4_000_000n, azarFirstMinutes);
  const mistaken = await cash(a1.id, 'GENERAL', 20_000_000n, inAzar);
  await createDonation(db, { centerId: a1.id, state: 'REVERSED', reversesId: mistaken.id });
  await cash(a1.id, 'GENERAL', 99_000_000n, lastAbanMinute); // Aban: not this month
  await cash(a1.id, 'GENERAL', 7_000_000n, inAzar, 'REPORTED'); // waiting, not counted as money in
  await cash(a2.id, 'GENERAL', 3_000_000n, inAzar);
  await cash(b1.id, 'GENERAL', 50_000_000n, inAzar);
  await createDonation(db, { centerId: b1.id, kind: 'IN_KIND', state: 'CONFIRMED', paidAt: inAzar }); // goods: not cash

  await db.approvalRequest.createMany({
    data: [
      { kind: 'VOLUNTEER_VETTING', targetEntity: 'Volunteer', targetId: 'v1', centerId: a1.id, countyId: countyA.id },
      { kind: 'VOLUNTEER_VETTING', targetEntity: 'Volunteer', targetId: 'v2', centerId: b1.id, countyId: countyB.id },
      { kind: 'LICENSE_DECISION', targetEntity: 'Center', targetId: a2.id, centerId: a2.id, countyId: countyA.id },
      { kind: 'DISTRIBUTION', targetEntity: 'Distribution', targetId: 'd1', centerId: a1.id, state: 'APPROVED', decidedAt: NOW },
    ],
  });
  await db.trusteeTask.createMany({
    data: [
      { centerId: a1.id, assigneeRole: 'ADMIN_FINANCE', title: 'تراز ماهانه', dueAt: new Date('2026-11-20T08:00:00Z') },
      { centerId: a1.id, assigneeRole: 'CHAIR', title: 'جلسه هیئت امنا', dueAt: new Date('2026-11-10T08:00:00Z') },
      { centerId: a1.id, assigneeRole: 'CHAIR', title: 'آینده', dueAt: new Date('2026-12-10T08:00:00Z') },
      { centerId: a1.id, assigneeRole: 'CHAIR', title: 'انجام‌شده', dueAt: new Date('2026-11-01T08:00:00Z'), state: 'DONE', completedAt: NOW },
      { centerId: a2.id, assigneeRole: 'CHAIR', title: 'به تعویق', dueAt: new Date('2026-11-01T08:00:00Z'), state: 'SNOOZED', snoozedUntil: new Date('2026-11-30T08:00:00Z') },
      { centerId: b1.id, assigneeRole: 'CHAIR', title: 'شهرستان دیگر', dueAt: new Date('2026-11-01T08:00:00Z') },
    ],
  });
});

describe('the dashboard', () => {
  it("shows the province everything, this Tehran month's confirmed cash net of reversals", async () => {
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN');
    const d = await getDashboard(ctx, admin, {});
    expect(d.scope).toEqual({ kind: 'province' });
    expect(d.month).toMatchObject({ year: 1405, month: 9 });
    expect(d.confirmedCashByFund).toEqual([
      { fund: 'GENERAL', rial: 4_000_000n + 3_000_000n + 50_000_000n },
      { fund: 'ZAKAT', rial: 10_000_000n },
    ]);
    expect(d.confirmedCashByCenter.map((c) => [c.centerId, c.rial])).toEqual([
      [b1.id, 50_000_000n],
      [a1.id, 14_000_000n],
      [a2.id, 3_000_000n],
    ]);
    expect(d.confirmedCashByCenter[0]?.name).toBe(b1.name);
    expect(d.confirmedCashTotalRial).toBe(67_000_000n);
    expect(d.reportedDonations).toBe(1);
    expect(d.pendingApprovalsByKind).toEqual({ VOLUNTEER_VETTING: 2, LICENSE_DECISION: 1 });
    expect(d.centersByLicenseState).toEqual({ LICENSED: 3, SUSPENDED: 1, APPLIED: 1 });
    expect(d.overdueTasks.count).toBe(3);
    expect(d.overdueTasks.oldest.map((t) => t.title)).toEqual(['شهرستان دیگر', 'جلسه هیئت امنا', 'تراز ماهانه']);
  });

  it('shows county staff only their county', async () => {
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: a1.countyId });
    const d = await getDashboard(ctx, staff, {});
    expect(d.scope).toMatchObject({ kind: 'county', countyId: a1.countyId });
    expect(d.confirmedCashTotalRial).toBe(17_000_000n);
    expect(d.confirmedCashByCenter.map((c) => c.centerId)).toEqual([a1.id, a2.id]);
    expect(d.pendingApprovalsByKind).toEqual({ VOLUNTEER_VETTING: 1, LICENSE_DECISION: 1 });
    expect(d.centersByLicenseState).toEqual({ LICENSED: 2, SUSPENDED: 1 });
    expect(d.overdueTasks.count).toBe(2); // the snoozed one is not overdue until its snooze ends
  });

  it('shows a trustee only their center', async () => {
    const finance = await trusteeActor(database.db, a2.id, 'ADMIN_FINANCE');
    const d = await getDashboard(ctx, finance, {});
    expect(d.scope).toEqual({ kind: 'center', centerId: a2.id, name: a2.name });
    expect(d.confirmedCashByCenter.map((c) => [c.centerId, c.rial])).toEqual([[a2.id, 3_000_000n]]);
    expect(d.pendingApprovalsByKind).toEqual({ LICENSE_DECISION: 1 });
    expect(d.reportedDonations).toBe(0);
    expect(d.centersByLicenseState).toEqual({ LICENSED: 1 });
    expect(d.overdueTasks.count).toBe(0);
  });

  it('is refused to donors', async () => {
    await expect(getDashboard(ctx, await donorActor(database.db), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
