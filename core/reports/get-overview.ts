/**
 * The county or province overview for Imdad staff: centers by license state,
 * pending approvals by kind, this Jalali month's confirmed money by fund, and
 * overdue trustee tasks. County staff see their county whatever they ask.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { jalaliMonthRange, toJalali } from '../jalali.ts';
import { authorize } from '../policy.ts';
import { receivedByKindAndFund } from './shared.ts';

export const getOverviewInput = z.object({ countyId: z.string().min(1).max(64).optional() });
export type GetOverviewInput = z.input<typeof getOverviewInput>;

/** A county's or the province's month at a glance; counts keyed by state, kind and fund. */
export interface Overview {
  /** Whose overview: a county (named, for the sheet's title) or the whole province. */
  scope: { countyId: string; countyName: string } | { province: true };
  month: { year: number; month: number };
  centersByLicenseState: Record<string, number>;
  pendingApprovalsByKind: Record<string, number>;
  confirmedCashByFund: Record<string, bigint>;
  overdueTasks: number;
}

export async function getOverview(ctx: Ctx, actor: Actor, raw: GetOverviewInput): Promise<Overview> {
  const input = parseInput(getOverviewInput, raw);
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
  const countyId = actor.role === 'COUNTY_STAFF' ? (actor.countyId ?? undefined) : input.countyId;
  authorize(actor, 'report.overview', { countyId });
  const now = ctx.clock.now();
  const { year, month } = toJalali(now);
  const { start, end } = jalaliMonthRange(year, month);
  const inCounty = countyId ? { countyId } : {};

  const county = countyId ? await ctx.db.county.findUnique({ where: { id: countyId }, select: { id: true, name: true } }) : null;
  if (countyId && !county) throw new DomainError('NOT_FOUND', {}, 'county');
  const [centers, approvals, received, overdueTasks] = await Promise.all([
    ctx.db.center.groupBy({ by: ['licenseState'], where: inCounty, _count: { _all: true } }),
    ctx.db.approvalRequest.groupBy({
      by: ['kind'],
      where: { state: 'PENDING', ...(countyId ? { OR: [{ countyId }, { center: { countyId } }] } : {}) },
      _count: { _all: true },
    }),
    receivedByKindAndFund(ctx.db, { countyId, from: start, to: end }),
    ctx.db.trusteeTask.count({ where: { state: { in: ['OPEN', 'SNOOZED'] }, dueAt: { lt: now }, center: inCounty } }),
  ]);

  const byFund = new Map<string, bigint>();
  for (const l of received) if (l.kind === 'CASH') byFund.set(l.fund, (byFund.get(l.fund) ?? 0n) + l.confirmedRial);
  return {
    scope: county ? { countyId: county.id, countyName: county.name } : { province: true },
    month: { year, month },
    centersByLicenseState: Object.fromEntries(centers.map((c) => [c.licenseState, c._count._all])),
    pendingApprovalsByKind: Object.fromEntries(approvals.map((a) => [a.kind, a._count._all])),
    confirmedCashByFund: Object.fromEntries(byFund),
    overdueTasks,
  };
}
