/**
 * A center's Jalali month: what came in (confirmed vs still reported, by kind
 * and fund), what went out, fund balances, new donors and active volunteers.
 * Every figure is summed by the database.
 */
import { z } from 'zod';
import type { Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fundBalances, type FundBalance } from '../funds/fund-balance.ts';
import { id, parseInput, positiveInt } from '../input/schemas.ts';
import { jalaliMonthRange } from '../jalali.ts';
import { authorize } from '../policy.ts';
import { distributedByFund, receivedByKindAndFund, type DistributedLine, type ReceivedLine } from './shared.ts';

export const jalaliMonthInput = z.object({
  year: positiveInt(1500).refine((y) => y >= 1390, { message: 'INVALID_DATE' }),
  month: positiveInt(12),
});

export const getCenterMonthReportInput = jalaliMonthInput.extend({ centerId: id });
export type GetCenterMonthReportInput = z.input<typeof getCenterMonthReportInput>;

/** One center's Jalali month, every figure summed by the database. */
export interface CenterMonthReport {
  center: Pick<Center, 'id' | 'name' | 'activityCode' | 'licenseState'>;
  period: { year: number; month: number; start: Date; end: Date };
  received: ReceivedLine[];
  totals: { confirmedCashRial: bigint; reportedCashRial: bigint; rejectedCount: number };
  distributed: DistributedLine[];
  /** Current balances (as of the report's making), per fund. */
  balances: FundBalance[];
  newDonors: number;
  activeVolunteers: number;
}

export async function getCenterMonthReport(ctx: Ctx, actor: Actor, raw: GetCenterMonthReportInput): Promise<CenterMonthReport> {
  const input = parseInput(getCenterMonthReportInput, raw);
  const center = await ctx.db.center.findUnique({
    where: { id: input.centerId },
    select: { id: true, name: true, countyId: true, licenseState: true, activityCode: true },
  });
  if (!center) throw new DomainError('NOT_FOUND');
  authorize(actor, 'report.center', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
  const { start, end } = jalaliMonthRange(input.year, input.month);

  const [received, distributed, balances, newDonors, activeVolunteers, rejected] = await Promise.all([
    receivedByKindAndFund(ctx.db, { centerIds: [center.id], from: start, to: end }),
    distributedByFund(ctx.db, [center.id], start, end),
    fundBalances(ctx.db, center.id),
    // Donors whose first confirmed gift to this center falls in the month.
    ctx.db.$queryRaw<[{ n: bigint }]>`
      SELECT count(*) AS n FROM (
        SELECT "donorId", min("paidAt") AS first FROM "Donation"
        WHERE "centerId" = ${center.id} AND "state" = 'CONFIRMED' AND "donorId" IS NOT NULL
        GROUP BY "donorId") firsts
      WHERE first >= ${start} AND first < ${end}`,
    ctx.db.volunteer.count({ where: { centerId: center.id, state: 'ACTIVE' } }),
    ctx.db.donation.count({ where: { centerId: center.id, state: 'REJECTED', paidAt: { gte: start, lt: end } } }),
  ]);

  return {
    center: { id: center.id, name: center.name, activityCode: center.activityCode, licenseState: center.licenseState },
    period: { year: input.year, month: input.month, start, end },
    received,
    totals: {
      confirmedCashRial: received.filter((l) => l.kind === 'CASH').reduce((s, l) => s + l.confirmedRial, 0n),
      reportedCashRial: received.filter((l) => l.kind === 'CASH').reduce((s, l) => s + l.reportedRial, 0n),
      rejectedCount: rejected,
    },
    distributed,
    balances,
    newDonors: Number(newDonors[0].n),
    activeVolunteers,
  };
}
