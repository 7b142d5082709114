/** Where the spreadsheets are served (under the panel, so the panel's login guards them). */
export const REPORTS_PREFIX = '/admin/reports';

export function centerMonthReportPath(centerId: string, year: number, month: number): string {
  const q = new URLSearchParams({ centerId, year: String(year), month: String(month) });
  return `${REPORTS_PREFIX}/center-month.xlsx?${q}`;
}

/** A center's Jalali month, its Sandogh statement against its confirmed cash gifts. */
export function statementReconciliationPath(centerId: string, year: number, month: number): string {
  const q = new URLSearchParams({ centerId, year: String(year), month: String(month) });
  return `${REPORTS_PREFIX}/statement-reconciliation.xlsx?${q}`;
}

/** A sample statement of a center's account, built around its gifts, to try the upload with. */
export function sampleStatementPath(centerId: string): string {
  return `${REPORTS_PREFIX}/sample-statement.csv?${new URLSearchParams({ centerId })}`;
}

export function overviewReportPath(): string {
  return `${REPORTS_PREFIX}/overview.xlsx`;
}

/** The Jalali month before this one. */
export function previousJalaliMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}
