/**
 * What the dashboard handler sends to the Dashboard component (JSON: Rials as
 * decimal strings, instants as ISO strings). Shared as a type by the server and
 * the browser bundle, so it imports nothing.
 */
export interface DashboardAmount {
  /** Rials, as a decimal string (BigInt does not survive JSON). */
  rial: string;
}

export interface DashboardLink {
  href: string;
  /** What the link is for; the component words it. */
  kind: 'overview' | 'centerMonth';
  centerName?: string;
  /** Jalali month of a center's report, and its first instant (for the month's name). */
  year?: number;
  month?: number;
  monthStart?: string;
}

export interface DashboardData {
  scope: { kind: 'province' } | { kind: 'county'; name: string } | { kind: 'center'; name: string };
  /** This Jalali month in Tehran, and its first instant (for the month's name). */
  month: { year: number; month: number; start: string };
  pendingApprovals: { kind: string; count: number }[];
  reportedDonations: number;
  confirmedByFund: ({ fund: string } & DashboardAmount)[];
  /** Each center's bar links to its monthly spreadsheet. */
  confirmedByCenter: ({ name: string; reportHref: string } & DashboardAmount)[];
  otherCentersRial: string;
  confirmedTotalRial: string;
  centersByLicenseState: { state: string; count: number }[];
  /** Licensed centers whose license runs out soon, and the centers' list filtered to them. */
  licensesExpiringSoon: { count: number; href: string };
  /** How many tasks are overdue, the oldest few, and the page that lists them all. */
  overdueTasks: {
    count: number;
    href: string;
    oldest: { title: string; centerName: string; dueAt: string; assigneeRole: string | null }[];
  };
  reports: DashboardLink[];
  /** What the area's funds hold now (absent for a login the policy does not let read the funds). */
  fundBalances?: DashboardFundBalances;
}

/** Balances now, in Rials as decimal strings: by fund over the area, and by center (the largest, the rest summed). */
export interface DashboardFundBalances {
  byFund: ({ fund: string } & DashboardAmount)[];
  byCenter: ({ name: string } & DashboardAmount)[];
  otherCentersRial: string;
  totalRial: string;
}

/** The handler's answer when the admin may not see a dashboard (the component says so politely). */
export interface DashboardRefusal {
  error: string;
}
