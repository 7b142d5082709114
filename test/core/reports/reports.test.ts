/**
 * Reports computed by the database: a center's Jalali month, the donors'
 * transparency report (aggregates only), a donor's own history, the overview.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCtx, type Ctx } from '../../../core/context.ts';
import { getCenterMonthReport } from '../../../core/reports/get-center-month-report.ts';
import { getDonorHistory } from '../../../core/reports/get-donor-history.ts';
import { getOverview } from '../../../core/reports/get-overview.ts';
import { getTransparencyReport } from '../../../core/reports/get-transparency-report.ts';
import type { Center } from '../../../prisma/generated/client/client.ts';
import { createBeneficiary, createCenter, createDistribution, createDonation, createDonor, createNeed, createVolunteer } from '../../../fixtures/factories.ts';
import { donorActor, staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const AZAR = { year: 1405, month: 9 }; // 2026-11-22 .. 2026-12-21 (Tehran)
const inAzar = new Date('2026-11-25T10:00:00Z');
const inAban = new Date('2026-11-10T10:00:00Z');
// 00:10 on 1 Azar in Tehran is still 30 Aban in UTC: it belongs to Azar.
const azarFirstMinutes = new Date('2026-11-21T20:40:00Z');

const database = useTestDatabase();
let ctx: Ctx;
let center: Center;
let otherCenter: Center;
let donorId: string;

beforeAll(async () => {
  ctx = createCtx({ db: database.db, clock: { now: () => new Date('2026-11-26T08:00:00Z') } });
  const db = database.db;
  center = await createCenter(db);
  otherCenter = await createCenter(db);
  const donor = await createDonor(db);
  donorId = donor.id;
  const g = { centerId: center.id, donorId };
  await createDonation(db, { ...g, state: 'CONFIRMED', fund: 'ZAKAT', amountRial: 10_000_000n, paidAt: inAzar });
  const toReverse = await createDonation(db, { ...g, state: 'CONFIRMED', fund: 'GENERAL', amountRial: 20_000_000n, paidAt: azarFirstMinutes });
  await createDonation(db, { ...g, state: 'REVERSED', reversesId: toReverse.id });
  await createDonation(db, { ...g, state: 'CONFIRMED', fund: 'GENERAL', amountRial: 5_000_000n, paidAt: inAzar });
  await createDonation(db, { ...g, state: 'REPORTED', fund: 'GENERAL', amountRial: 7_000_000n, paidAt: inAzar });
  await createDonation(db, { ...g, state: 'REJECTED', fund: 'GENERAL', amountRial: 1_000_000n, paidAt: inAzar });
  await createDonation(db, { ...g, state: 'CONFIRMED', fund: 'GENERAL', amountRial: 99_000_000n, paidAt: inAban }); // other month
  await createDonation(db, { centerId: otherCenter.id, state: 'CONFIRMED', fund: 'GENERAL', amountRial: 55_000_000n, paidAt: inAzar }); // other center
  const household = await createBeneficiary(db, { centerId: center.id, headName: 'فاطمه محرمانه' });
  const need = await createNeed(db, { beneficiaryId: household.id, category: 'FOOD' });
  await createDistribution(db, { centerId: center.id, beneficiaryId: household.id, needId: need.id, state: 'DISTRIBUTED', amountRial: 3_000_000n, distributedAt: inAzar, approvedAt: inAzar });
  await createDistribution(db, { centerId: center.id, beneficiaryId: household.id, state: 'PENDING_APPROVAL', amountRial: 1_000_000n });
  await createVolunteer(db, { centerId: center.id, state: 'ACTIVE' });
  await createVolunteer(db, { centerId: center.id, state: 'APPLIED' });
});

describe("a center's Jalali month", () => {
  it('sums confirmed money net of reversals, by fund, in Tehran month bounds', async () => {
    const chair = await trusteeActor(database.db, center.id, 'CHAIR');
    const r = await getCenterMonthReport(ctx, chair, { centerId: center.id, ...AZAR });
    const line = (fund: string) => r.received.find((l) => l.kind === 'CASH' && l.fund === fund);
    expect(line('ZAKAT')?.confirmedRial).toBe(10_000_000n);
    expect(line('GENERAL')?.confirmedRial).toBe(5_000_000n); // 20M confirmed then reversed
    expect(line('GENERAL')?.reportedRial).toBe(7_000_000n);
    expect(r.totals).toEqual({ confirmedCashRial: 15_000_000n, reportedCashRial: 7_000_000n, rejectedCount: 1 });
    expect(r.distributed).toEqual([{ fund: 'GENERAL', kind: 'CASH', amountRial: 3_000_000n, estimatedRial: 0n, count: 1 }]);
    expect(r.activeVolunteers).toBe(1);
    expect(r.newDonors).toBe(0); // the donor's first confirmed gift was in Aban
    const general = r.balances.find((b) => b.fund === 'GENERAL');
    expect(general?.balanceRial).toBe(99_000_000n + 5_000_000n - 3_000_000n);
  });

  it('also accepts the month typed in Persian digits', async () => {
    const staff = await staffActor(database.db, 'PROVINCE_SUPERVISOR');
    const r = await getCenterMonthReport(ctx, staff, { centerId: center.id, year: '۱۴۰۵', month: '۹' });
    expect(r.totals.confirmedCashRial).toBe(15_000_000n);
  });

  it("is refused to another center's trustee, to county staff elsewhere and to donors", async () => {
    const otherChair = await trusteeActor(database.db, otherCenter.id, 'CHAIR');
    await expect(getCenterMonthReport(ctx, otherChair, { centerId: center.id, ...AZAR })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await staffActor(database.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId });
    await expect(getCenterMonthReport(ctx, elsewhere, { centerId: center.id, ...AZAR })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getCenterMonthReport(ctx, { kind: 'donor', donorId }, { centerId: center.id, ...AZAR })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe("the donors' transparency report", () => {
  it('shows aggregates only: no beneficiary identity, small groups hidden', async () => {
    const donor = await donorActor(database.db);
    const r = await getTransparencyReport(ctx, donor, { centerId: center.id, ...AZAR });
    const json = JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(json).not.toContain('فاطمه محرمانه');
    expect(json).not.toMatch(/referenceCode|headName|nationalId|phone|address|beneficiaryId|B-/);
    expect(r.householdsHelped).toEqual([{ category: 'FOOD', households: null }]); // 1 household: "fewer than 5"
    expect(r.donors).toBeNull();
    expect(r.received.find((l) => l.fund === 'ZAKAT')?.confirmedRial).toBe(10_000_000n);
  });

  it('is not published for a center that is not licensed', async () => {
    const applied = await createCenter(database.db, { licenseState: 'APPLIED' });
    await expect(getTransparencyReport(ctx, { kind: 'system', job: 't' }, { centerId: applied.id, ...AZAR })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("a donor's own history", () => {
  it('the donor sees their gifts, another donor does not', async () => {
    const r = await getDonorHistory(ctx, { kind: 'donor', donorId }, { donorId });
    expect(r.donations).toHaveLength(7);
    expect(r.confirmedCashRial).toBe(10_000_000n + 5_000_000n + 99_000_000n);
    const stranger = await donorActor(database.db);
    await expect(getDonorHistory(ctx, stranger, { donorId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the overview', () => {
  it('province staff see every county; county staff only theirs', async () => {
    const province = await getOverview(ctx, await staffActor(database.db, 'PROVINCE_ADMIN'), {});
    expect(province.confirmedCashByFund.GENERAL).toBe(5_000_000n + 55_000_000n);
    const county = await getOverview(ctx, await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId }), { countyId: otherCenter.countyId });
    expect(county.scope).toMatchObject({ countyId: center.countyId }); // asked for another county, got their own
    expect(county.confirmedCashByFund.GENERAL).toBe(5_000_000n);
    expect(county.centersByLicenseState.LICENSED).toBe(1);
  });

  it('is for staff only', async () => {
    const chair = await trusteeActor(database.db, center.id, 'CHAIR');
    await expect(getOverview(ctx, chair, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
