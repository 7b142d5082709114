/**
 * The bot action a reminder links to, as callback data on its one inline
 * button: `remind:<kind>:<id>` (bot/callback-data.ts format, at most 64 bytes).
 * The bot's features answer them (see the report of issue 6):
 *   remind:task:<trusteeTaskId>         open the task (done / snooze)
 *   remind:installment:<installmentId>  report the payment of this installment
 *   remind:license:<centerId>           the center's license status
 *   remind:approvals:all                the decisions waiting for this user
 */
import { callbackData } from '../../bot/callback-data.ts';

export const reminderAction = callbackData('remind', ['kind', 'id']);

export type ReminderActionKind = 'task' | 'installment' | 'license' | 'approvals';

export function actionFor(kind: ReminderActionKind, id: string): string {
  return reminderAction.encode({ kind, id });
}
