/**
 * The outbox sender against a fake Bot API that enforces Telegram's limits
 * (30 messages a second, 1 a second per chat) on a fake clock: 429 with
 * retry_after, a 3,000-message broadcast, 403 (blocked), 5xx and network errors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../prisma/client.ts';
import type { PreviewBroadcastInput } from '../../core/broadcasts/preview-broadcast.ts';
import { createCore } from '../../core/index.ts';
import { notifyChat } from '../../core/outbox.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { jumpClock } from '../helpers/jump-clock.ts';
import { createLimitedFakeBotApi, maxPerSecond } from '../../fixtures/fake-limited-bot-api.ts';
import { createChats, deliveryCounts, queueMessages, senderOn, T0, toChat } from './helpers.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('rate limits', () => {
  it('a 429 with retry_after=30 holds that chat for 30 s, other chats go on, and the sender slows down', { timeout: 300_000 }, async () => {
    const db = database.db;
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const [x] = await createChats(db, 1);
    const others = await createChats(db, 40);
    const titlesX = await queueMessages(db, [x!], 3, new Date(T0.getTime() - 10_000));
    await queueMessages(db, others, 1, T0);
    fake.script(x!.chatId, { kind: '429', retryAfter: 30 });

    const sender = senderOn(db, fake, clock);
    await sender.run({ untilIdle: true });

    const refusal = fake.refused.find((r) => r.chatId === x!.chatId)!;
    const deliveredToX = toChat(fake, x!.chatId);
    expect(deliveredToX.map((d) => d.text)).toEqual(titlesX.map((t) => `کار تازه به شما سپرده شد: ${t}`));
    // Nothing reached the chat for 30 s after the 429; nothing was even tried (no violation).
    expect(deliveredToX[0]!.at - refusal.at).toBeGreaterThanOrEqual(30_000);
    expect(fake.violations).toEqual([]);
    expect(fake.overLimit).toEqual([]);
    // The other chats were not held…
    const othersDelivered = fake.delivered.filter((d) => d.chatId !== x!.chatId);
    expect(othersDelivered).toHaveLength(40);
    expect(Math.max(...othersDelivered.map((d) => d.at))).toBeLessThan(refusal.at + 30_000);
    // …but went out at half the rate once the batch in hand was done.
    const afterSlowDown = othersDelivered.filter((d) => d.at >= refusal.at + 1000);
    expect(afterSlowDown.length).toBeGreaterThanOrEqual(16);
    expect(maxPerSecond(afterSlowDown)).toBeLessThanOrEqual(15);
    // The 429 did not use up an attempt of the held message.
    const held = await db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: x!.id }, orderBy: { createdAt: 'asc' } });
    expect(held).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('a broadcast of 3,000 messages stays under 30 a second in every second; personal messages go first', { timeout: 1_200_000 }, async () => {
    const db = database.db;
    const clock = jumpClock(T0);
    const core = createCore({ db, clock });
    const center = await createCenter(db);
    const staff = await staffActor(db, 'COUNTY_STAFF', { countyId: center.countyId });
    const size = 3000;
    const people = Array.from({ length: size }, (_, i) => ({ id: `p_${randomUUID()}`, firstName: 'نیکوکار', lastName: `شماره ${i}` }));
    await db.person.createMany({ data: people });
    await db.donor.createMany({ data: people.map((p) => ({ type: 'NATURAL' as const, personId: p.id, recruitedByCenterId: center.id })) });
    await db.chatAccount.createMany({
      data: people.map((p, i) => ({ platform: 'TELEGRAM' as const, externalUserId: `b${i}`, chatId: String(800_000_000 + i), personId: p.id })),
    });

    const input: PreviewBroadcastInput = { audience: { kind: 'CENTER_DONORS', centerId: center.id }, text: 'جشن نیکوکاری جمعه ساعت ۱۰ در مسجد برگزار می‌شود.' };
    expect((await core.broadcasts.previewBroadcast(staff, input)).recipientCount).toBe(size);
    const created = await core.broadcasts.createBroadcast(staff, { ...input, idempotencyKey: `form-${randomUUID()}` });
    expect(created.recipientCount).toBe(size);
    // A personal message queued after the broadcast.
    const [personal] = await createChats(db, 1);
    await db.$transaction(async (tx) => {
      await notifyChat(tx, personal!.id, { template: 'task.assigned', params: { title: 'فوری' }, dedupeKey: 'urgent' });
      // Queued "now" on the test's clock (the database's own clock runs at real time).
      await tx.outboxMessage.updateMany({ where: { chatAccountId: personal!.id }, data: { createdAt: new Date(T0.getTime() + 1), availableAt: T0 } });
    });

    const fake = createLimitedFakeBotApi({ clock });
    const sender = senderOn(db, fake, clock);
    const started = performance.now();
    await sender.run({ untilIdle: true });
    console.info(`broadcast of ${size}: ${Math.round((performance.now() - started) / 1000)} s real time, ${(clock.now().getTime() - T0.getTime()) / 1000} s on the fake clock`);

    expect(fake.delivered).toHaveLength(size + 1);
    expect(new Set(fake.delivered.map((d) => d.chatId)).size).toBe(size + 1);
    expect(maxPerSecond(fake.delivered)).toBeLessThanOrEqual(30);
    expect(fake.overLimit).toEqual([]);
    expect(fake.violations).toEqual([]);
    expect(fake.delivered.findIndex((d) => d.chatId === personal!.chatId)).toBeLessThan(30);
    // The text as core stored it (input normalised: its digits are ASCII in the database).
    const stored = await db.broadcast.findUniqueOrThrow({ where: { id: created.id } });
    expect(fake.delivered.find((d) => d.chatId !== personal!.chatId)!.text).toBe(`پیام «${center.name}»:\n\n${stored.text}`);
    expect(await core.broadcasts.broadcastProgress(staff, { broadcastId: created.id })).toMatchObject({ total: size, sent: size, pending: 0, failed: 0, done: true });
  });
});

describe('errors', () => {
  it('403 marks the chat blocked and cancels its waiting messages', { timeout: 120_000 }, async () => {
    const db = database.db;
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const [z, ok] = await createChats(db, 2);
    await queueMessages(db, [z!], 3, T0);
    await queueMessages(db, [ok!], 1, T0);
    fake.script(z!.chatId, { kind: '403' });

    const sender = senderOn(db, fake, clock);
    await sender.run({ untilIdle: true });

    expect(toChat(fake, z!.chatId)).toEqual([]);
    expect(toChat(fake, ok!.chatId)).toHaveLength(1);
    const chat = await db.chatAccount.findUniqueOrThrow({ where: { id: z!.id } });
    expect(chat.blocked).toBe(true);
    expect(chat.blockedAt!.getTime()).toBeGreaterThanOrEqual(T0.getTime());
    const statuses = (await db.outboxMessage.findMany({ where: { chatAccountId: z!.id }, orderBy: { createdAt: 'asc' } })).map((m) => m.status);
    expect(statuses).toEqual(['FAILED', 'CANCELLED', 'CANCELLED']);
    expect(sender.stats.blocked).toBe(1);
  });

  it('5xx and network errors are retried with growing waits and the message is delivered once; the last attempt gives up', { timeout: 120_000 }, async () => {
    const db = database.db;
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const [w, hopeless] = await createChats(db, 2);
    const [title] = await queueMessages(db, [w!], 1, T0);
    await queueMessages(db, [hopeless!], 1, T0);
    fake.script(w!.chatId, { kind: '5xx' }, 2);
    fake.script(w!.chatId, { kind: 'network' }, 1);
    fake.script(hopeless!.chatId, { kind: '5xx' }, 100);

    const sender = senderOn(db, fake, clock, { backoffBaseMs: 5_000, maxAttempts: 5 });
    await sender.run({ untilIdle: true });

    expect(deliveryCounts(fake).get(`کار تازه به شما سپرده شد: ${title}`)).toBe(1);
    const tries = fake.refused.filter((r) => r.chatId === w!.chatId).map((r) => r.at);
    const delivered = toChat(fake, w!.chatId)[0]!.at;
    // Waits of 5, 10 and 20 s between the attempts.
    expect([tries[1]! - tries[0]!, tries[2]! - tries[1]!, delivered - tries[2]!].map((ms) => ms >= 0 && Math.round(ms / 5000))).toEqual([1, 2, 4]);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: w!.id } })).toMatchObject({ status: 'SENT', attempts: 4 });

    expect(fake.refused.filter((r) => r.chatId === hopeless!.chatId)).toHaveLength(5);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: hopeless!.id } })).toMatchObject({ status: 'FAILED', attempts: 5, lastError: '502: Bad Gateway' });
  });
});
