/**
 * Messages that follow a state change are queued in the same transaction and
 * sent later by the sender (never from inside the transaction). A template is
 * a locale key under `notifications.`; params are plain values.
 */
import type { Tx } from './context.ts';

export type NotificationParams = Record<string, string | number | boolean | null>;

export interface Notification {
  template: string;
  params?: NotificationParams;
  /** Queuing the same key twice keeps one message (e.g. a retried confirmation). */
  dedupeKey: string;
}

/** Queues a message to every chat of the person that has not blocked the bot; returns how many. */
export async function notifyPerson(tx: Tx, personId: string | null | undefined, n: Notification): Promise<number> {
  if (!personId) return 0;
  const chats = await tx.chatAccount.findMany({ where: { personId, blocked: false }, select: { id: true } });
  for (const chat of chats) await notifyChat(tx, chat.id, n);
  return chats.length;
}

export async function notifyChat(tx: Tx, chatAccountId: string, n: Notification): Promise<void> {
  const dedupeKey = `${n.dedupeKey}:${chatAccountId}`;
  await tx.outboxMessage.upsert({
    where: { dedupeKey },
    create: { chatAccountId, template: n.template, params: n.params ?? undefined, dedupeKey },
    update: {},
  });
}
