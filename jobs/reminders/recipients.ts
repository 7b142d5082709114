/**
 * Where a reminder goes: every chat of the person that has not blocked the bot
 * and has not turned this kind of reminder off. Queued with the same dedupe key
 * format as core's notifyChat (`<key>:<chatAccountId>`), so one reminder per
 * period and chat however often the tick runs.
 */
import type { ReminderKind } from '../../core/notifications/reminder-kinds.ts';
import type { Notification } from '../../core/outbox.ts';
import type { Db } from '../../prisma/client.ts';
import type { Tx } from '../../core/context.ts';

export interface ReminderChat {
  id: string;
  personId: string;
}

export async function reminderChats(db: Db | Tx, personIds: readonly string[], kind: ReminderKind): Promise<ReminderChat[]> {
  if (personIds.length === 0) return [];
  const chats = await db.chatAccount.findMany({
    where: { personId: { in: [...new Set(personIds)] }, blocked: false },
    select: { id: true, personId: true, mutedReminders: true },
  });
  return chats.filter((c) => !(c.mutedReminders ?? []).includes(kind)).map((c) => ({ id: c.id, personId: c.personId! }));
}

export function dedupeKeyFor(n: Notification, chatAccountId: string): string {
  return `${n.dedupeKey}:${chatAccountId}`;
}

/** Queues the notification to each chat unless already queued in this period; returns how many were new. */
export async function enqueueReminder(db: Db | Tx, chats: readonly ReminderChat[], n: Notification, now: Date): Promise<number> {
  if (chats.length === 0) return 0;
  const { count } = await db.outboxMessage.createMany({
    data: chats.map((c) => ({
      chatAccountId: c.id,
      template: n.template,
      params: n.params ?? undefined,
      dedupeKey: dedupeKeyFor(n, c.id),
      // The job's clock, not the database's: the sender compares availableAt with the same clock.
      createdAt: now,
      availableAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Have all these chats had this reminder already (a cheap check before building it again)? */
export async function alreadyQueued(db: Db | Tx, chats: readonly ReminderChat[], dedupeKey: string): Promise<boolean> {
  if (chats.length === 0) return true;
  const keys = chats.map((c) => `${dedupeKey}:${c.id}`);
  return (await db.outboxMessage.count({ where: { dedupeKey: { in: keys } } })) === keys.length;
}
