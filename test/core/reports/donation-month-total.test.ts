/**
 * DonationMonthTotal (kept by a trigger on "Donation") always equals the sums of the
 * donations themselves, through every write path: report, confirm (also many at once),
 * reject, reverse, a rolled-back confirmation; and the month reports read from it give
 * exactly what summing every gift gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { rejectDonation } from '../../../core/giving/reject-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { reverseDonation } from '../../../core/giving/reverse-donation.ts';
import { jalaliMonthRange } from '../../../core/jalali.ts';
import { isWholeJalaliMonths, receivedByKindAndFund, receivedFromDonations } from '../../../core/reports/shared.ts';
import type { Database } from '../../../prisma/client.ts';
import { createCenter, createDonation } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { cashReport, givingCtx, givingWorld } from '../../helpers/giving.ts';

let database: Database;
let ctx: Ctx;
let w: Awaited<ReturnType<typeof givingWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = givingCtx(database.db);
  w = await givingWorld(database.db);
});
afterAll(() => database?.close());

interface TotalRow {
  centerId: string;
  monthStartsAt: Date;
  kind: string;
  fund: string;
  state: string;
  count: number;
  amountRial: string;
  estimatedValueRial: string;
}

/** The table, rows with nothing left in them dropped, in a stable order. */
async function stored(): Promise<TotalRow[]> {
  return database.db.$queryRaw<TotalRow[]>`
    SELECT "centerId", "monthStartsAt", "kind"::text AS kind, "fund"::text AS fund, "state"::text AS state,
           "count", "amountRial"::text AS "amountRial", "estimatedValueRial"::text AS "estimatedValueRial"
    FROM "DonationMonthTotal" WHERE "count" <> 0
    ORDER BY 1, 2, 3, 4, 5`;
}

/** The same totals summed from the donations now. */
async function recomputed(): Promise<TotalRow[]> {
  return database.db.$queryRaw<TotalRow[]>`
    SELECT d."centerId", m."startsAt" AS "monthStartsAt", d."kind"::text AS kind, d."fund"::text AS fund, d."state"::text AS state,
           count(*)::int AS "count", COALESCE(sum(d."amountRial"), 0)::text AS "amountRial",
           COALESCE(sum(d."estimatedValueRial"), 0)::text AS "estimatedValueRial"
    FROM "Donation" d JOIN "JalaliMonth" m ON d."paidAt" >= m."startsAt" AND d."paidAt" < m."endsAt"
    WHERE d."state" IN ('CONFIRMED', 'REVERSED')
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5`;
}

async function expectConsistent() {
  const now = await recomputed();
  expect(now.length).toBeGreaterThan(0);
  expect(await stored()).toEqual(now);
}

async function totalOf(centerId: string, state: 'CONFIRMED' | 'REVERSED') {
  const rows = await database.db.donationMonthTotal.findMany({ where: { centerId, state } });
  return { count: rows.reduce((s, r) => s + r.count, 0), rial: rows.reduce((s, r) => s + r.amountRial, 0n) };
}

describe('DonationMonthTotal', () => {
  it('books a gift when it is confirmed, not when it is reported or rejected', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    const a = await reportDonation(ctx, w.donor, cashReport(center.id, 300_000));
    const b = await reportDonation(ctx, w.donor, cashReport(center.id, 500_000));
    expect(await totalOf(center.id, 'CONFIRMED')).toEqual({ count: 0, rial: 0n });

    await confirmDonation(ctx, w.staff, { donationId: a.id });
    expect(await totalOf(center.id, 'CONFIRMED')).toEqual({ count: 1, rial: 3_000_000n });
    await rejectDonation(ctx, w.staff, { donationId: b.id, reason: 'واریز پیدا نشد' });
    expect(await totalOf(center.id, 'CONFIRMED')).toEqual({ count: 1, rial: 3_000_000n });
    await expectConsistent();
  });

  it('books a reversal as REVERSED in the month of the gift it reverses', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    const paidAt = '2026-05-10T10:00:00Z';
    const d = await reportDonation(ctx, w.donor, cashReport(center.id, 700_000, { paidAt }));
    await confirmDonation(ctx, w.staff, { donationId: d.id });
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN');
    await reverseDonation(ctx, admin, { donationId: d.id, reason: 'مبلغ اشتباه' });
    expect(await totalOf(center.id, 'REVERSED')).toEqual({ count: 1, rial: 7_000_000n });
    const rows = await database.db.donationMonthTotal.findMany({ where: { centerId: center.id } });
    expect(new Set(rows.map((r) => r.monthStartsAt.toISOString()))).toEqual(new Set([jalaliMonthRange(1405, 2).start.toISOString()]));
    await expectConsistent();
  });

  it('stays exact under 30 parallel confirmations of one center, with no receipt gap', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    const reported = [];
    for (let i = 0; i < 30; i++) reported.push(await reportDonation(ctx, w.donor, cashReport(center.id, 100_000 + i)));
    await Promise.all(reported.map((d, i) => confirmDonation(ctx, i % 2 ? w.finance : w.staff, { donationId: d.id }).catch(() => null)));
    // (w.finance is the officer of w.center only: its half is refused and changes nothing.)
    const confirmed = await database.db.donation.count({ where: { centerId: center.id, state: 'CONFIRMED' } });
    expect(confirmed).toBe(15);
    const receipts = await database.db.donation.findMany({ where: { centerId: center.id, state: 'CONFIRMED' }, select: { receiptNo: true }, orderBy: { receiptNo: 'asc' } });
    expect(receipts.map((r) => r.receiptNo)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const rial = reported.filter((_, i) => i % 2 === 0).reduce((s, d) => s + d.amountRial!, 0n);
    expect(await totalOf(center.id, 'CONFIRMED')).toEqual({ count: 15, rial });
    await expectConsistent();
  }, 120_000);

  it('keeps parallel confirmations across centers and months exact', async () => {
    const centers = [w.center, await createCenter(database.db, { countyId: w.county.id })];
    const months = ['2026-03-25T10:00:00Z', '2026-07-01T10:00:00Z', '2026-11-20T10:00:00Z'];
    const reported = [];
    for (let i = 0; i < 24; i++) {
      const c = centers[i % 2]!;
      reported.push(await reportDonation(ctx, w.donor, cashReport(c.id, 50_000 + i, { paidAt: months[i % 3], fund: i % 4 ? 'GENERAL' : 'ZAKAT' })));
    }
    await Promise.all(reported.map((d) => confirmDonation(ctx, w.staff, { donationId: d.id })));
    await expectConsistent();
  }, 120_000);

  it('rolls back with the confirmation that fails', async () => {
    const before = await stored();
    const d = await reportDonation(ctx, w.donor, cashReport(w.center.id, 123_000));
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Donation" SET "state" = 'CONFIRMED', "receiptNo" = 999999, "confirmedAt" = now() WHERE "id" = ${d.id}`;
        throw new Error('the confirmation fails after the update');
      }),
    ).rejects.toThrow(/fails after/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a write that would take away more than was booked, instead of hiding it', async () => {
    const d = await createDonation(database.db, { centerId: w.center.id, state: 'REVERSED' });
    await database.db.$executeRaw`DELETE FROM "DonationMonthTotal" WHERE "centerId" = ${w.center.id} AND "state" = 'REVERSED'`;
    await expect(database.db.$executeRaw`DELETE FROM "Donation" WHERE "id" = ${d.id}`).rejects.toThrow();
    // Put the books right again for the tests after this one.
    await database.db.$executeRaw`
      INSERT INTO "DonationMonthTotal" ("centerId", "monthStartsAt", "kind", "fund", "state", "count", "amountRial", "estimatedValueRial")
      SELECT d."centerId", m."startsAt", d."kind", d."fund", d."state", count(*)::int, COALESCE(sum(d."amountRial"), 0), COALESCE(sum(d."estimatedValueRial"), 0)
      FROM "Donation" d JOIN "JalaliMonth" m ON d."paidAt" >= m."startsAt" AND d."paidAt" < m."endsAt"
      WHERE d."centerId" = ${w.center.id} AND d."state" = 'REVERSED'
      GROUP BY 1, 2, 3, 4, 5`;
    await expectConsistent();
  });
});

describe('month reports over DonationMonthTotal', () => {
  it('recognises whole Jalali months only', () => {
    const { start, end } = jalaliMonthRange(1405, 8);
    expect(isWholeJalaliMonths(start, end)).toBe(true);
    expect(isWholeJalaliMonths(jalaliMonthRange(1404, 12).start, end)).toBe(true);
    expect(isWholeJalaliMonths(start, new Date(end.getTime() - 1))).toBe(false);
    expect(isWholeJalaliMonths(new Date(start.getTime() + 1), end)).toBe(false);
    expect(isWholeJalaliMonths(end, start)).toBe(false);
  });

  it('give exactly the sums of every gift: per center, per county, province-wide, all kinds and states', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    const paidAt = new Date('2026-10-01T10:00:00Z'); // Mehr 1405
    for (const kind of ['CASH', 'IN_KIND', 'SERVICE'] as const) {
      await createDonation(database.db, { centerId: center.id, kind, state: 'CONFIRMED', paidAt });
      await createDonation(database.db, { centerId: center.id, kind, state: 'REPORTED', paidAt, fund: 'SADAQA' });
      await createDonation(database.db, { centerId: center.id, kind, state: 'REVERSED', paidAt, fund: 'ORPHANS' });
    }
    // A fund with only a rejected gift still shows as a line with no money, as before.
    await createDonation(database.db, { centerId: center.id, state: 'REJECTED', paidAt, fund: 'DOWRY' });
    await expectConsistent();

    for (const [year, month] of [[1405, 7], [1405, 2], [1405, 9]] as const) {
      const { start: from, end: to } = jalaliMonthRange(year, month);
      for (const scope of [{ centerIds: [center.id] }, { centerIds: [w.center.id, center.id] }, { countyId: w.county.id }, {}]) {
        const fast = await receivedByKindAndFund(database.db, { ...scope, from, to });
        expect(fast).toEqual(await receivedFromDonations(database.db, { ...scope, from, to }));
      }
    }
    const { start, end } = jalaliMonthRange(1405, 7);
    const lines = await receivedByKindAndFund(database.db, { centerIds: [center.id], from: start, to: end });
    expect(lines.find((l) => l.fund === 'DOWRY')).toMatchObject({ confirmedRial: 0n, confirmedCount: 0, reportedCount: 0 });
    expect(lines.find((l) => l.kind === 'CASH' && l.fund === 'GENERAL')).toMatchObject({ confirmedRial: 2_000_000n, confirmedCount: 1 });
  });
});
