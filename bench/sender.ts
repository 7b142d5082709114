/**
 * Benchmark 4: the outbox sender against a fake Bot API that allows 30 messages a second
 * (and 1 a second per chat), on the real clock and PostgreSQL. A backlog of thousands of
 * queued messages to many chats is more than one run can send, so the sender works flat out
 * for the whole run; the figure is the messages the API accepted per second of the run.
 * Target: at least 0.95 of the limit, with no 429 at all.
 */
import { randomUUID } from 'node:crypto';
import { Api } from 'grammy';
import { systemJobClock } from '../jobs/clock.ts';
import { createOutboxSender } from '../jobs/sender/outbox-sender.ts';
import type { Db } from '../prisma/client.ts';
import { createLimitedFakeBotApi, maxPerSecond } from '../fixtures/fake-limited-bot-api.ts';
import { median } from './lib/stats.ts';
import type { Benchmark, BenchContext, BenchRow } from './lib/types.ts';

const LIMIT_PER_SECOND = 30;

interface SenderRun {
  /** Accepted per second from the first accepted message to the end of the run. */
  perSecond: number;
  /** Accepted per second over the whole run, start included. */
  perSecondFromStart: number;
  delivered: number;
  refused429: number;
  violations: number;
  peakPerSecond: number;
}

/** `chats` Telegram chats with `perChat` task.assigned messages each, queued as core queues them. */
async function queueBacklog(db: Db, chats: number, perChat: number): Promise<void> {
  const accounts = Array.from({ length: chats }, (_, i) => {
    const chatId = String(700_000_000 + i);
    return { id: `ca_${randomUUID()}`, platform: 'TELEGRAM' as const, externalUserId: chatId, chatId, language: i % 5 === 0 ? 'en' : 'fa' };
  });
  for (let i = 0; i < accounts.length; i += 1000) await db.chatAccount.createMany({ data: accounts.slice(i, i + 1000) });
  const start = Date.now() - 60_000;
  const rows = [];
  let n = 0;
  for (let round = 0; round < perChat; round++) {
    for (const chat of accounts) {
      const title = `کار ${n}`;
      // Distinct creation times keep each chat's messages in queue order.
      rows.push({ chatAccountId: chat.id, template: 'task.assigned', params: { title }, dedupeKey: `bench:${n}`, createdAt: new Date(start + n), availableAt: new Date(start) });
      n++;
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.outboxMessage.createMany({ data: rows.slice(i, i + 1000) });
}

async function oneRun(ctx: BenchContext, run: number, seconds: number, chats: number, perChat: number): Promise<SenderRun> {
  const database = await ctx.freshDatabase(`sender_${run}`);
  try {
    await queueBacklog(database.db, chats, perChat);
    await database.db.$executeRawUnsafe('ANALYZE');
    const fake = createLimitedFakeBotApi({ clock: systemJobClock, perSecond: LIMIT_PER_SECOND, perChatPerSecond: 1 });
    const sender = createOutboxSender({
      db: database.db,
      api: new Api(fake.token, { apiRoot: fake.apiRoot, fetch: fake.fetch }),
      platform: 'TELEGRAM',
      botId: '777000',
      clock: systemJobClock,
      limits: { perSecond: LIMIT_PER_SECOND, perChatPerSecond: 1 },
    });
    const t0 = Date.now();
    const running = sender.run();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const t1 = Date.now();
    // Counted at the stop time: what was accepted inside the measured window.
    const inWindow = fake.delivered.filter((d) => d.at <= t1).length;
    // Sending rate once the first message is out: the start (opening the claim, a first
    // query plan) is a one-off, not the sender's pace.
    const firstAt = fake.delivered[0]?.at ?? t1;
    const steady = fake.delivered.filter((d) => d.at <= t1).length - 1;
    await sender.stop();
    await running;
    const refused429 = fake.refused.filter((r) => r.status === 429).length;
    const result: SenderRun = {
      perSecond: t1 > firstAt ? (steady * 1000) / (t1 - firstAt) : 0,
      perSecondFromStart: (inWindow * 1000) / (t1 - t0),
      delivered: inWindow,
      refused429,
      violations: fake.violations.length,
      peakPerSecond: maxPerSecond(fake.delivered),
    };
    ctx.log(`sender run ${run + 1}: ${result.perSecond.toFixed(2)}/s (${result.perSecondFromStart.toFixed(2)}/s from the start), ${result.delivered} sent, ${refused429} × 429, peak ${result.peakPerSecond} in 1 s`);
    return result;
  } finally {
    await database.drop();
  }
}

const benchmark: Benchmark = {
  id: '4-sender',
  title: 'Outbox sender against a Bot API limited to 30 messages/s',
  async run(ctx) {
    const full = ctx.scale === 'full';
    const seconds = full ? 60 : 20;
    const { runs } = ctx;
    // More than a run can send (30/s × seconds), to many chats, a few messages each.
    const chats = full ? 5000 : 2000;
    const perChat = 2;
    const results: SenderRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await oneRun(ctx, i, seconds, chats, perChat));
    const rates = results.map((r) => r.perSecond);
    const rate = median(rates);
    const ratio = rate / LIMIT_PER_SECOND;
    const total429 = results.reduce((s, r) => s + r.refused429, 0);
    const rows: BenchRow[] = [
      {
        name: `messages/s, ${chats * perChat} queued to ${chats} chats (${seconds} s runs, from the first message sent)`,
        value: rate,
        unit: 'per s',
        baseline: { name: 'API limit', value: LIMIT_PER_SECOND },
        ratio,
        target: '≥ 0.95 of the limit',
        pass: ratio >= 0.95,
        runs: rates,
        note:
          `from the sender's start (first claim included): ${median(results.map((r) => r.perSecondFromStart)).toFixed(2)}/s; ` +
          `peak ${Math.max(...results.map((r) => r.peakPerSecond))} in any 1 s window`,
      },
      {
        name: '429 answers from the API (all runs)',
        value: total429,
        unit: 'ratio',
        target: '0',
        pass: total429 === 0,
        runs: results.map((r) => r.refused429),
        note: results.some((r) => r.violations > 0) ? 'the sender wrote to a chat inside its retry_after' : undefined,
      },
    ];
    return rows;
  },
};

export default benchmark;
