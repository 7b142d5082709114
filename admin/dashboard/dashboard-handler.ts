/**
 * The data of the panel's home page, for the logged-in admin: core's
 * getDashboard (scoped by the policy to the province, a county or a center)
 * made JSON-safe, plus links to the spreadsheets this admin may download.
 */
import { jalaliMonthRange } from '../../core/jalali.ts';
import { can } from '../../core/policy.ts';
import { isDomainError, type Core } from '../../core/index.ts';
import type { StaffActor, TrusteeActor } from '../../core/actor.ts';
import { centerMonthReportPath, overviewReportPath, previousJalaliMonth } from '../reports/report-paths.ts';
import { ADMIN_ROOT } from '../auth/guard.ts';
import type { DashboardData, DashboardLink, DashboardRefusal } from './dashboard-data.ts';
import { dashboardFundBalances } from './fund-balances.ts';

/** The centers' list, filtered to licenses expiring soon (center.resource.ts). */
export const EXPIRING_CENTERS_HREF = `${ADMIN_ROOT}/resources/Center?filters.licenseExpiringSoon=true`;

/** Every overdue task of the login's area (TrusteeTask → overdueTasks, core's listOverdueTasks). */
export const OVERDUE_TASKS_HREF = `${ADMIN_ROOT}/resources/TrusteeTask/actions/overdueTasks`;

/** What the handler needs of the current admin (AdminJS's currentAdmin, see http/current-admin.ts). */

export interface DashboardAdmin {
  actor: StaffActor | TrusteeActor;
}

export async function dashboardHandler(
  admin: DashboardAdmin | null | undefined,
  deps: { core: Core },
): Promise<DashboardData | DashboardRefusal> {
  if (!admin?.actor) return { error: 'FORBIDDEN' };
  const { actor } = admin;
  let d;
  try {
    d = await deps.core.reports.getDashboard(actor, {});
  } catch (e) {
    if (isDomainError(e)) return { error: e.code };
    throw e;
  }
  const { year, month } = d.month;
  const reports: DashboardLink[] = [];
  if (d.scope.kind === 'center') {
    const prev = previousJalaliMonth(year, month);
    for (const m of [{ year, month }, prev])
      reports.push({
        kind: 'centerMonth',
        href: centerMonthReportPath(d.scope.centerId, m.year, m.month),
        centerName: d.scope.name,
        ...m,
        monthStart: jalaliMonthRange(m.year, m.month).start.toISOString(),
      });
  } else if (can(actor, 'report.overview', d.scope.kind === 'county' ? { countyId: d.scope.countyId } : {})) {
    reports.push({ kind: 'overview', href: overviewReportPath() });
  }

  return {
    scope: d.scope.kind === 'province' ? { kind: 'province' } : { kind: d.scope.kind, name: d.scope.name },
    month: { year, month, start: d.month.start.toISOString() },
    pendingApprovals: Object.entries(d.pendingApprovalsByKind)
      .map(([kind, count]) => ({ kind, count: count ?? 0 }))
      .sort((a, b) => b.count - a.count),
    reportedDonations: d.reportedDonations,
    confirmedByFund: d.confirmedCashByFund.map((f) => ({ fund: f.fund, rial: f.rial.toString() })),
    confirmedByCenter: d.confirmedCashByCenter.map((c) => ({
      name: c.name,
      rial: c.rial.toString(),
      reportHref: centerMonthReportPath(c.centerId, year, month),
    })),
    otherCentersRial: d.otherCentersRial.toString(),
    confirmedTotalRial: d.confirmedCashTotalRial.toString(),
    centersByLicenseState: Object.entries(d.centersByLicenseState).map(([state, count]) => ({ state, count: count ?? 0 })),
    licensesExpiringSoon: { count: d.licensesExpiringSoon, href: EXPIRING_CENTERS_HREF },
    overdueTasks: {
      count: d.overdueTasks.count,
      href: OVERDUE_TASKS_HREF,
      oldest: d.overdueTasks.oldest.map((t) => ({
        title: t.title,
        centerName: t.center.name,
        dueAt: t.dueAt.toISOString(),
        assigneeRole: t.assigneeRole,
      })),
    },
    reports,
    ...(await dashboardFundBalances(actor, deps.core)),
  };
}
