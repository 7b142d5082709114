/**
 * The text and buttons of a task reminder, for the reminder job (another
 * issue) to send to the trustee the task is for: due soon or overdue, with
 * the same done / postpone buttons as the task's card in "My tasks".
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import { formatJalaliDate } from '../messenger/format.ts';
import type { Language, TFunction } from '../messenger/i18n.ts';
import { taskCardKeyboard } from './keyboards/trustee.ts';

export interface ReminderDeps {
  t: TFunction;
  language: Language;
  now: Date;
}

export interface RemindedTask {
  id: string;
  title: string;
  dueAt: Date;
}

export function buildTaskReminder(deps: ReminderDeps, task: RemindedTask, membershipId: string): { text: string; reply_markup: InlineKeyboardMarkup } {
  const key = task.dueAt.getTime() < deps.now.getTime() ? 'trustee:reminder.overdue' : 'trustee:reminder.due';
  return {
    text: deps.t(key, { title: task.title, due: formatJalaliDate(task.dueAt, deps.language) }),
    reply_markup: taskCardKeyboard(deps.t, task.id, membershipId),
  };
}
