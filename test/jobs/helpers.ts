/** Shared setup of the sender tests: chats with queued messages, a sender on the limited fake API. */
import { randomUUID } from 'node:crypto';
import { Api } from 'grammy';
import type { Db } from '../../prisma/client.ts';
import { createOutboxSender, type OutboxSenderOptions } from '../../jobs/sender/outbox-sender.ts';
import type { LimitedFakeBotApi } from '../../fixtures/fake-limited-bot-api.ts';
import type { JobClock } from '../../jobs/clock.ts';

let chatSeq = 900_000_000;

/** `count` Telegram chats (language fa), each a real ChatAccount row. */
export async function createChats(db: Db, count: number, language = 'fa'): Promise<{ id: string; chatId: string }[]> {
  const rows = Array.from({ length: count }, () => {
    const chatId = String(chatSeq++);
    return { id: `ca_${randomUUID()}`, platform: 'TELEGRAM' as const, externalUserId: chatId, chatId, language };
  });
  await db.chatAccount.createMany({ data: rows });
  return rows.map((r) => ({ id: r.id, chatId: r.chatId }));
}

/**
 * Queues `perChat` task.assigned notifications per chat, each with a unique title «کار n»
 * (rows written as core's notifyChat writes them, in bulk so setting up thousands is quick).
 */
export async function queueMessages(db: Db, chats: { id: string }[], perChat: number, at: Date): Promise<string[]> {
  const titles: string[] = [];
  const rows = [];
  let n = 0;
  for (let round = 0; round < perChat; round++) {
    for (const chat of chats) {
      const title = `کار ${randomUUID().slice(0, 8)}-${n}`;
      titles.push(title);
      // Distinct creation times keep each chat's messages in queue order.
      const createdAt = new Date(at.getTime() - 60_000 + n++);
      rows.push({ chatAccountId: chat.id, template: 'task.assigned', params: { title }, dedupeKey: `test:${title}:${chat.id}`, createdAt, availableAt: at });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.outboxMessage.createMany({ data: rows.slice(i, i + 1000) });
  return titles;
}

export function senderOn(db: Db, fake: LimitedFakeBotApi, clock: JobClock, extra: Partial<OutboxSenderOptions> = {}) {
  const api = new Api(fake.token, { apiRoot: fake.apiRoot, fetch: fake.fetch });
  return createOutboxSender({ db, api, platform: 'TELEGRAM', botId: '777000', clock, idlePollMs: 250, ...extra });
}

/** How many times each text was delivered. */
export function deliveryCounts(fake: LimitedFakeBotApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of fake.delivered) counts.set(d.text, (counts.get(d.text) ?? 0) + 1);
  return counts;
}

export const T0 = new Date('2026-11-26T08:00:00Z'); // 5 Azar 1405, 11:30 in Tehran

/** The deliveries of one chat, in order. */
export function toChat(fake: LimitedFakeBotApi, chatId: string) {
  return fake.delivered.filter((d) => d.chatId === chatId);
}
