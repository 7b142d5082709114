/**
 * What a center shows its donors (rule 6: transparent, regular reports), with
 * aggregates only: money in and out by fund, how many households were helped
 * by need category. Never a name, code or amount of one household: counts
 * below MIN_GROUP are shown as "fewer than" so a small group cannot be singled out.
 */
import type { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { jalaliMonthRange } from '../jalali.ts';
import { jalaliMonthInput } from './get-center-month-report.ts';
import { distributedByFund, receivedByKindAndFund, type DistributedLine, type ReceivedLine } from './shared.ts';

export const MIN_GROUP = 5;

export const getTransparencyReportInput = jalaliMonthInput.extend({ centerId: id });
export type GetTransparencyReportInput = z.input<typeof getTransparencyReportInput>;

/** A count, or `null` meaning "fewer than MIN_GROUP" (but not none). */
export type SafeCount = number | null;

/** What a center publishes to its donors for a month: aggregates only. */
export interface TransparencyReport {
  center: { name: string };
  period: { year: number; month: number };
  received: Pick<ReceivedLine, 'kind' | 'fund' | 'confirmedRial' | 'confirmedEstimatedRial'>[];
  distributed: Pick<DistributedLine, 'kind' | 'fund' | 'amountRial' | 'estimatedRial'>[];
  householdsHelped: { category: string; households: SafeCount }[];
  donors: SafeCount;
}

function safe(n: number): SafeCount {
  return n === 0 || n >= MIN_GROUP ? n : null;
}

export async function getTransparencyReport(ctx: Ctx, _actor: Actor, raw: GetTransparencyReportInput): Promise<TransparencyReport> {
  const input = parseInput(getTransparencyReportInput, raw);
  const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, name: true, licenseState: true } });
  // Only centers that may act under their name publish reports (rule 1); anyone may read them.
  if (!center || center.licenseState !== 'LICENSED') throw new DomainError('NOT_FOUND');
  const { start, end } = jalaliMonthRange(input.year, input.month);

  const [received, distributed, helped, donors] = await Promise.all([
    receivedByKindAndFund(ctx.db, { centerIds: [center.id], from: start, to: end }),
    distributedByFund(ctx.db, [center.id], start, end),
    ctx.db.$queryRaw<{ category: string | null; households: bigint }[]>`
      SELECT n."category"::text AS category, count(DISTINCT d."beneficiaryId") AS households
      FROM "Distribution" d LEFT JOIN "BeneficiaryNeed" n ON n."id" = d."needId"
      WHERE d."centerId" = ${center.id} AND d."state" IN ('APPROVED', 'DISTRIBUTED')
        AND COALESCE(d."distributedAt", d."approvedAt") >= ${start} AND COALESCE(d."distributedAt", d."approvedAt") < ${end}
      GROUP BY n."category" ORDER BY 1`,
    ctx.db.donation.findMany({
      where: { centerId: center.id, state: 'CONFIRMED', paidAt: { gte: start, lt: end }, donorId: { not: null } },
      distinct: ['donorId'],
      select: { donorId: true },
    }),
  ]);

  return {
    center: { name: center.name },
    period: { year: input.year, month: input.month },
    received: received.map(({ kind, fund, confirmedRial, confirmedEstimatedRial }) => ({ kind, fund, confirmedRial, confirmedEstimatedRial })),
    distributed: distributed.map(({ kind, fund, amountRial, estimatedRial }) => ({ kind, fund, amountRial, estimatedRial })),
    householdsHelped: helped.map((h) => ({ category: h.category ?? 'OTHER', households: safe(Number(h.households)) })),
    donors: safe(donors.length),
  };
}
