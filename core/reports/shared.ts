/** Pieces the reports share: money sums from the database, never rows loaded into Node. */
import type { AidKind, DonationState, Fund } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';
import { startOfJalaliDay, toJalali } from '../jalali.ts';

export type Reader = Db | Tx;

export interface ReceivedLine {
  kind: AidKind;
  fund: Fund;
  /** Confirmed minus reversed, in Rials (cash) and estimated Rials (goods, services). */
  confirmedRial: bigint;
  confirmedEstimatedRial: bigint;
  confirmedCount: number;
  /** Reported and not yet confirmed or rejected. */
  reportedRial: bigint;
  reportedCount: number;
}

type Sign = 1n | -1n;
const BOOKED_SIGN: Partial<Record<DonationState, Sign>> = { CONFIRMED: 1n, REVERSED: -1n };

interface PeriodWhere {
  centerIds?: string[];
  countyId?: string;
  from: Date;
  to: Date;
}

/** Whether the instant is the start of a Jalali month in Tehran. */
export function startsJalaliMonth(d: Date): boolean {
  const j = toJalali(d);
  return j.day === 1 && startOfJalaliDay(j).getTime() === d.getTime();
}

/** Whether [from, to) is made of whole Jalali months (both ends start a month in Tehran). */
export function isWholeJalaliMonths(from: Date, to: Date): boolean {
  return from.getTime() < to.getTime() && startsJalaliMonth(from) && startsJalaliMonth(to);
}

function centersWhere(where: PeriodWhere) {
  return {
    ...(where.centerIds ? { centerId: { in: where.centerIds } } : {}),
    ...(where.countyId ? { center: { countyId: where.countyId } } : {}),
  };
}

function lineOf(lines: Map<string, ReceivedLine>, kind: AidKind, fund: Fund): ReceivedLine {
  const key = `${kind}:${fund}`;
  let line = lines.get(key);
  if (!line) {
    line = { kind, fund, confirmedRial: 0n, confirmedEstimatedRial: 0n, confirmedCount: 0, reportedRial: 0n, reportedCount: 0 };
    lines.set(key, line);
  }
  return line;
}

function addBooked(line: ReceivedLine, sign: Sign, cash: bigint, estimated: bigint, count: number) {
  line.confirmedRial += sign * cash;
  line.confirmedEstimatedRial += sign * estimated;
  line.confirmedCount += sign === 1n ? count : -count;
}

/**
 * Donations by kind and fund in a period. A reversal counts against the
 * period of the donation it reverses (it carries the same paidAt).
 *
 * For whole Jalali months (every month report, the overview, the dashboard) the booked
 * money comes from DonationMonthTotal, which the database keeps in step with every write
 * (see prisma/schema/giving.prisma), instead of summing every gift of the months; the
 * gifts not booked (REPORTED, a short queue, and REJECTED; the (state, paidAt) index) are
 * summed from "Donation". Any other period is summed from "Donation" alone.
 */
export async function receivedByKindAndFund(db: Reader, where: PeriodWhere): Promise<ReceivedLine[]> {
  if (isWholeJalaliMonths(where.from, where.to)) {
    const centers = centersWhere(where);
    const lines = new Map<string, ReceivedLine>();
    const [booked, reported] = await Promise.all([
      db.donationMonthTotal.groupBy({
        by: ['kind', 'fund', 'state'],
        where: { monthStartsAt: { gte: where.from, lt: where.to }, ...centers },
        _sum: { count: true, amountRial: true, estimatedValueRial: true },
      }),
      // Rejected gifts add no money, but name their kind and fund as the full sum does.
      db.donation.groupBy({
        by: ['kind', 'fund', 'state'],
        where: { state: { in: ['REPORTED', 'REJECTED'] }, paidAt: { gte: where.from, lt: where.to }, ...centers },
        _sum: { amountRial: true },
        _count: { _all: true },
      }),
    ]);
    for (const g of booked) {
      const sign = BOOKED_SIGN[g.state];
      const count = g._sum.count ?? 0;
      if (sign && count > 0) addBooked(lineOf(lines, g.kind, g.fund), sign, g._sum.amountRial ?? 0n, g._sum.estimatedValueRial ?? 0n, count);
    }
    for (const g of reported) {
      const line = lineOf(lines, g.kind, g.fund);
      if (g.state !== 'REPORTED') continue;
      line.reportedRial += g._sum.amountRial ?? 0n;
      line.reportedCount += g._count._all;
    }
    return sortLines(lines);
  }
  return receivedFromDonations(db, where);
}

/** The same lines summed from every matching "Donation" row (any period; the reference the month totals must agree with). */
export async function receivedFromDonations(db: Reader, where: PeriodWhere): Promise<ReceivedLine[]> {
  const groups = await db.donation.groupBy({
    by: ['kind', 'fund', 'state'],
    where: { paidAt: { gte: where.from, lt: where.to }, ...centersWhere(where) },
    _sum: { amountRial: true, estimatedValueRial: true },
    _count: { _all: true },
  });
  const lines = new Map<string, ReceivedLine>();
  for (const g of groups) {
    const line = lineOf(lines, g.kind, g.fund);
    const sign = BOOKED_SIGN[g.state];
    if (sign) addBooked(line, sign, g._sum.amountRial ?? 0n, g._sum.estimatedValueRial ?? 0n, g._count._all);
    else if (g.state === 'REPORTED') {
      line.reportedRial += g._sum.amountRial ?? 0n;
      line.reportedCount += g._count._all;
    }
  }
  return sortLines(lines);
}

function sortLines(lines: Map<string, ReceivedLine>): ReceivedLine[] {
  return [...lines.values()].sort((a, b) => `${a.kind}${a.fund}`.localeCompare(`${b.kind}${b.fund}`));
}

export interface DistributedLine {
  fund: Fund;
  kind: AidKind;
  amountRial: bigint;
  estimatedRial: bigint;
  count: number;
}

/** Approved or handed-out aid in a period (by when it was handed out, else approved). */
export async function distributedByFund(db: Reader, centerIds: string[], from: Date, to: Date): Promise<DistributedLine[]> {
  const groups = await db.distribution.groupBy({
    by: ['fund', 'kind'],
    where: {
      centerId: { in: centerIds },
      state: { in: ['APPROVED', 'DISTRIBUTED'] },
      OR: [{ distributedAt: { gte: from, lt: to } }, { distributedAt: null, approvedAt: { gte: from, lt: to } }],
    },
    _sum: { amountRial: true, estimatedValueRial: true },
    _count: { _all: true },
  });
  return groups.map((g) => ({
    fund: g.fund,
    kind: g.kind,
    amountRial: g._sum.amountRial ?? 0n,
    estimatedRial: g._sum.estimatedValueRial ?? 0n,
    count: g._count._all,
  }));
}
