/** Pieces the reports share: money sums from the database, never rows loaded into Node. */
import type { AidKind, DonationState, Fund } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';

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

/**
 * Donations by kind and fund in a period. A reversal counts against the
 * period of the donation it reverses (it carries the same paidAt).
 */
export async function receivedByKindAndFund(db: Reader, where: { centerIds?: string[]; countyId?: string; from: Date; to: Date }): Promise<ReceivedLine[]> {
  const groups = await db.donation.groupBy({
    by: ['kind', 'fund', 'state'],
    where: {
      paidAt: { gte: where.from, lt: where.to },
      ...(where.centerIds ? { centerId: { in: where.centerIds } } : {}),
      ...(where.countyId ? { center: { countyId: where.countyId } } : {}),
    },
    _sum: { amountRial: true, estimatedValueRial: true },
    _count: { _all: true },
  });
  const lines = new Map<string, ReceivedLine>();
  for (const g of groups) {
    const key = `${g.kind}:${g.fund}`;
    const line = lines.get(key) ?? { kind: g.kind, fund: g.fund, confirmedRial: 0n, confirmedEstimatedRial: 0n, confirmedCount: 0, reportedRial: 0n, reportedCount: 0 };
    const cash = g._sum.amountRial ?? 0n;
    const estimated = g._sum.estimatedValueRial ?? 0n;
    const sign: Partial<Record<DonationState, 1n | -1n>> = { CONFIRMED: 1n, REVERSED: -1n };
    const s = sign[g.state];
    if (s) {
      line.confirmedRial += s * cash;
      line.confirmedEstimatedRial += s * estimated;
      line.confirmedCount += s === 1n ? g._count._all : -g._count._all;
    } else if (g.state === 'REPORTED') {
      line.reportedRial += cash;
      line.reportedCount += g._count._all;
    }
    lines.set(key, line);
  }
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
