/**
 * Trustee tasks: one "due soon" reminder before the due time, then one a day
 * while overdue, up to taskMaxReminders in all. Snoozed tasks wait for their
 * snooze to end; tasks of centers that are not licensed (read-only) are left
 * alone. A task assigned less than half a day ago is not announced as due
 * soon: its "task assigned" message just said so.
 */
import { actionFor } from '../../messenger/reminder-buttons.ts';
import type { Db } from '../../prisma/client.ts';
import type { ReminderSettings } from '../config.ts';
import { enqueueReminder, reminderChats } from './recipients.ts';
import { assigneePersonIds } from '../../core/work/task-scope.ts';
import { isoDay, jalaliDayKey, startOfTehranDay, tehranDbDay } from './tehran-time.ts';

const FRESH_MS = 12 * 3_600_000;

export async function remindTasks(db: Db, now: Date, settings: ReminderSettings): Promise<{ dueSoon: number; overdue: number }> {
  const horizon = new Date(now.getTime() + settings.taskDueSoonHours * 3_600_000);
  const tasks = await db.trusteeTask.findMany({
    where: {
      dueAt: { lte: horizon },
      reminderCount: { lt: settings.taskMaxReminders },
      center: { licenseState: 'LICENSED' },
      OR: [{ state: 'OPEN' }, { state: 'SNOOZED', snoozedUntil: { lte: now } }],
    },
    include: { center: { select: { name: true } } },
    orderBy: { dueAt: 'asc' },
  });
  const today = startOfTehranDay(now);
  let dueSoon = 0;
  let overdue = 0;
  for (const task of tasks) {
    const isOverdue = task.dueAt <= now;
    if (!isOverdue && (task.reminderCount > 0 || now.getTime() - task.createdAt.getTime() < FRESH_MS)) continue;
    if (isOverdue && task.lastRemindedAt && task.lastRemindedAt >= today) continue;
    const sent = await db.$transaction(async (tx) => {
      // Counted first, and only if nobody counted it meanwhile: two ticks cannot both remind.
      const { count } = await tx.trusteeTask.updateMany({
        where: { id: task.id, reminderCount: task.reminderCount },
        data: { reminderCount: { increment: 1 }, lastRemindedAt: now },
      });
      if (count === 0) return false;
      const chats = await reminderChats(tx, await assigneePersonIds(tx, task), 'task');
      const params = {
        title: task.title,
        center: task.center.name,
        // The due day as people say it: a task due at midnight is due "on" the day before.
        dueOn: isoDay(tehranDbDay(new Date(task.dueAt.getTime() - 1))),
        reminderAction: actionFor('task', task.id),
      };
      await enqueueReminder(
        tx,
        chats,
        isOverdue
          ? { template: 'reminder.taskOverdue', params, dedupeKey: `reminder.taskOverdue:${task.id}:${jalaliDayKey(now)}` }
          : { template: 'reminder.taskDueSoon', params, dedupeKey: `reminder.taskDueSoon:${task.id}` },
        now,
      );
      return true;
    });
    if (sent && isOverdue) overdue++;
    else if (sent) dueSoon++;
  }
  return { dueSoon, overdue };
}
