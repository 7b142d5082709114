/**
 * The panel's first page for whoever logged in: province roles see the
 * province, county staff (and a county's auditor) their county, a trustee
 * their center. What waits for a decision, this Jalali month's confirmed
 * cash by fund and by center, centers by license state, and overdue trustee
 * tasks. Every figure is counted or summed by the database.
 */
import { expiringSoonWhere } from '../centers/license-expiry.ts';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx, Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { jalaliMonthRange, toJalali } from '../jalali.ts';
import { authorize } from '../policy.ts';
import type { ApprovalKind, Fund, LicenseState, Prisma, TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Reader } from './shared.ts';

export const getDashboardInput = z.object({}).default({});
export type GetDashboardInput = z.input<typeof getDashboardInput>;

/** How many centers the "by center" chart names; the rest are summed as one bar. */
export const TOP_CENTERS = 10;
/** How many overdue tasks are listed (the count covers all). */
export const OVERDUE_LISTED = 5;

export type DashboardScope =
  | { kind: 'province' }
  | { kind: 'county'; countyId: string; name: string }
  | { kind: 'center'; centerId: string; name: string };

/** One of the oldest overdue tasks the dashboard lists. */
export interface OverdueTaskLine {
  id: string;
  title: string;
  dueAt: Date;
  assigneeRole: TrusteeRole | null;
  center: { id: string; name: string };
}

/** The panel's first page for one login's area; every figure counted or summed by the database. */
export interface Dashboard {
  scope: DashboardScope;
  month: { year: number; month: number; start: Date; end: Date };
  pendingApprovalsByKind: Partial<Record<ApprovalKind, number>>;
  /** Reported gifts still waiting for the finance officer or county staff. */
  reportedDonations: number;
  confirmedCashByFund: { fund: Fund; rial: bigint }[];
  confirmedCashByCenter: { centerId: string; name: string; rial: bigint }[];
  /** The centers beyond the top ones, summed. */
  otherCentersRial: bigint;
  confirmedCashTotalRial: bigint;
  centersByLicenseState: Partial<Record<LicenseState, number>>;
  /** Licensed centers whose license runs out within the warning window (core/centers/license-expiry.ts). */
  licensesExpiringSoon: number;
  overdueTasks: { count: number; oldest: OverdueTaskLine[] };
}

interface Where {
  center: Prisma.CenterWhereInput;
  approval: Prisma.ApprovalRequestWhereInput;
}

async function resolveScope(db: Reader, actor: Actor): Promise<{ scope: DashboardScope; where: Where }> {
  if (actor.kind === 'trustee') {
    const center = await db.center.findUnique({ where: { id: actor.centerId }, select: { id: true, name: true, countyId: true, licenseState: true } });
    if (!center) throw new DomainError('NOT_FOUND');
    authorize(actor, 'report.center', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
    return {
      scope: { kind: 'center', centerId: center.id, name: center.name },
      where: { center: { id: center.id }, approval: { centerId: center.id } },
    };
  }
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
  // County staff, and an auditor posted to one county, see that county; province roles everything.
  if (actor.countyId) {
    authorize(actor, 'report.overview', { countyId: actor.countyId });
    // One client type: comparing the two of the Reader union here exceeds TypeScript's depth limit.
    const county = await (db as Tx).county.findUnique({ where: { id: actor.countyId }, select: { id: true, name: true } });
    if (!county) throw new DomainError('NOT_FOUND');
    return {
      scope: { kind: 'county', countyId: county.id, name: county.name },
      where: { center: { countyId: county.id }, approval: { OR: [{ countyId: county.id }, { center: { countyId: county.id } }] } },
    };
  }
  if (actor.role === 'COUNTY_STAFF') throw new DomainError('FORBIDDEN');
  authorize(actor, 'report.overview', {});
  return { scope: { kind: 'province' }, where: { center: {}, approval: {} } };
}

/** Confirmed minus reversed, per group key: the same rule as every report. */
function netByKey<K extends string>(rows: { key: K; state: string; rial: bigint | null }[]): Map<K, bigint> {
  const sums = new Map<K, bigint>();
  for (const r of rows) {
    const sign = r.state === 'CONFIRMED' ? 1n : r.state === 'REVERSED' ? -1n : 0n;
    sums.set(r.key, (sums.get(r.key) ?? 0n) + sign * (r.rial ?? 0n));
  }
  return sums;
}

export async function getDashboard(ctx: Ctx, actor: Actor, raw: GetDashboardInput = {}): Promise<Dashboard> {
  parseInput(getDashboardInput, raw ?? {});
  const db = ctx.db;
  const { scope, where } = await resolveScope(db, actor);
  const now = ctx.clock.now();
  const { year, month } = toJalali(now);
  const { start, end } = jalaliMonthRange(year, month);
  // The month's booked cash from the per-month totals the database keeps in step with
  // every donation write (DonationMonthTotal), not from every gift of the month.
  const cashInMonth: Prisma.DonationMonthTotalWhereInput = {
    kind: 'CASH',
    state: { in: ['CONFIRMED', 'REVERSED'] },
    monthStartsAt: { gte: start, lt: end },
    center: where.center,
  };
  const overdue: Prisma.TrusteeTaskWhereInput = {
    center: where.center,
    OR: [{ state: 'OPEN', dueAt: { lt: now } }, { state: 'SNOOZED', dueAt: { lt: now }, snoozedUntil: { lt: now } }],
  };

  const [approvals, reportedDonations, byFund, byCenter, centers, overdueCount, overdueOldest, expiringSoon] = await Promise.all([
    db.approvalRequest.groupBy({ by: ['kind'], where: { state: 'PENDING', ...where.approval }, _count: { _all: true } }),
    db.donation.count({ where: { state: 'REPORTED', center: where.center } }),
    db.donationMonthTotal.groupBy({ by: ['fund', 'state'], where: cashInMonth, _sum: { amountRial: true } }),
    db.donationMonthTotal.groupBy({ by: ['centerId', 'state'], where: cashInMonth, _sum: { amountRial: true } }),
    db.center.groupBy({ by: ['licenseState'], where: where.center, _count: { _all: true } }),
    db.trusteeTask.count({ where: overdue }),
    db.trusteeTask.findMany({
      where: overdue,
      orderBy: { dueAt: 'asc' },
      take: OVERDUE_LISTED,
      select: { id: true, title: true, dueAt: true, assigneeRole: true, center: { select: { id: true, name: true } } },
    }),
    db.center.count({ where: { AND: [where.center, expiringSoonWhere(now)] } }),
  ]);

  const fundSums = netByKey(byFund.map((g) => ({ key: g.fund, state: g.state, rial: g._sum.amountRial })));
  const centerSums = netByKey(byCenter.map((g) => ({ key: g.centerId, state: g.state, rial: g._sum.amountRial })));
  const ranked = [...centerSums.entries()].filter(([, rial]) => rial !== 0n).sort(([, a], [, b]) => (a === b ? 0 : a > b ? -1 : 1));
  const top = ranked.slice(0, TOP_CENTERS);
  const names = new Map(
    (await db.center.findMany({ where: { id: { in: top.map(([id]) => id) } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const byDesc = <T extends { rial: bigint }>(a: T, b: T) => (a.rial === b.rial ? 0 : a.rial > b.rial ? -1 : 1);

  return {
    scope,
    month: { year, month, start, end },
    pendingApprovalsByKind: Object.fromEntries(approvals.map((a) => [a.kind, a._count._all])) as Partial<Record<ApprovalKind, number>>,
    reportedDonations,
    confirmedCashByFund: [...fundSums.entries()]
      .filter(([, rial]) => rial !== 0n)
      .map(([fund, rial]) => ({ fund: fund as Fund, rial }))
      .sort(byDesc),
    confirmedCashByCenter: top.map(([centerId, rial]) => ({ centerId, name: names.get(centerId) ?? '', rial })),
    otherCentersRial: ranked.slice(TOP_CENTERS).reduce((s, [, rial]) => s + rial, 0n),
    confirmedCashTotalRial: [...fundSums.values()].reduce((s, r) => s + r, 0n),
    centersByLicenseState: Object.fromEntries(centers.map((c) => [c.licenseState, c._count._all])) as Partial<Record<LicenseState, number>>,
    licensesExpiringSoon: expiringSoon,
    overdueTasks: {
      count: overdueCount,
      oldest: overdueOldest.map((t) => ({
        id: t.id,
        title: t.title,
        dueAt: t.dueAt,
        assigneeRole: t.assigneeRole as TrusteeRole | null,
        center: t.center,
      })),
    },
  };
}
