/**
 * The recurring duties of the regulation's roles, for seeding TaskTemplate
 * (the table is the source of truth; staff may deactivate or add templates).
 * RRULEs are read on the Jalali calendar in Asia/Tehran (recurrence.ts).
 */
import type { TrusteeRole } from '../../prisma/generated/client/client.ts';

export const DEFAULT_TASK_TEMPLATES: readonly { code: string; role: TrusteeRole; title: string; rrule: string }[] = [
  { code: 'monthly-balance-sheet', role: 'ADMIN_FINANCE', title: 'تراز مالی ماهانه', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' },
  { code: 'monthly-report-to-imdad', role: 'VICE_CHAIR', title: 'گزارش ماهانه به کمیته امداد', rrule: 'FREQ=MONTHLY;BYMONTHDAY=25' },
  { code: 'annual-financial-plan', role: 'ADMIN_FINANCE', title: 'برنامه مالی سالانه', rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15' },
];
