/**
 * The kinds of reminder a user can turn off one by one (ChatAccount.mutedReminders).
 * Notifications that answer the user's own action or a staff broadcast are not reminders.
 */
export const REMINDER_KINDS = [
  /** A board task due soon, or overdue. */
  'task',
  /** A pledge installment coming due. */
  'installment',
  /** The center's license running out (chair and county staff). */
  'license',
  /** The daily digest of approvals waiting for the user's decision. */
  'approvals',
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function isReminderKind(v: unknown): v is ReminderKind {
  return typeof v === 'string' && (REMINDER_KINDS as readonly string[]).includes(v);
}
