/**
 * The one inline button under a reminder: `remind:<kind>:<id>` (callback-data.ts format,
 * at most 64 bytes). The reminder jobs put it in the notification's params, the sender
 * renders it (notification-render.ts), and the bot's reminders feature answers the press:
 *   remind:task:<trusteeTaskId>         open the task (done / snooze)
 *   remind:installment:<installmentId>  report the payment of this installment
 *   remind:license:<centerId>           the center's license status
 *   remind:approvals:all                the decisions waiting for this user
 */
import type { ReminderKind } from '../core/notifications/reminder-kinds.ts';
import { callbackData } from './callback-data.ts';

export const reminderAction = callbackData('remind', ['kind', 'id']);

export function actionFor(kind: ReminderKind, id: string): string {
  return reminderAction.encode({ kind, id });
}
