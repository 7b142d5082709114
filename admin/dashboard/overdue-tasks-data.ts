/**
 * One overdue task as the overdue tasks page shows it, in the login's language: what
 * overdue-tasks.action.ts sends to the OverdueTasks component. Shared as a type by the server
 * and the browser bundle, so it imports nothing.
 */
export interface OverdueTaskRow {
  id: string;
  title: string;
  centerName: string;
  role: string | null;
  due: string;
  /** Whole days past the due time, in the reader's digits. */
  daysLate: string;
  state: string;
}
