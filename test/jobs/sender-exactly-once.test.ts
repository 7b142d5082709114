/**
 * Never one notification twice: two sender processes on one outbox, and a
 * sender killed in the middle of a batch then started again. On PostgreSQL the
 * second sender has its own connection pool, as a second process would.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient, type Database, type Db } from '../../prisma/client.ts';
import { poolConfigFromUrl } from '../../prisma/engine/adapters.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { jumpClock } from '../helpers/jump-clock.ts';
import { createLimitedFakeBotApi, maxPerSecond } from '../../fixtures/fake-limited-bot-api.ts';
import { createChats, deliveryCounts, queueMessages, senderOn, T0 } from './helpers.ts';

let database: Database;
let secondProcessDb: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  secondProcessDb = database.db;
  if (testDbKind() === 'postgres') {
    const spec = inject('testDb');
    const [row] = await database.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(spec.kind === 'postgres' ? spec.url : '');
    url.pathname = `/${row!.name}`;
    secondProcessDb = new PrismaClient({ adapter: new PrismaPg({ ...poolConfigFromUrl(url.toString()), max: 4 }) });
  }
});
afterAll(async () => {
  if (secondProcessDb && secondProcessDb !== database.db) await secondProcessDb.$disconnect();
  await database?.close();
});

const text = (title: string) => `کار تازه به شما سپرده شد: ${title}`;

describe('exactly once', () => {
  it('two sender processes deliver 1,000 notifications exactly once, together under the rate', { timeout: 1_200_000 }, async () => {
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const chats = await createChats(database.db, 250);
    const titles = await queueMessages(database.db, chats, 4, T0);
    expect(titles).toHaveLength(1000);

    const a = senderOn(database.db, fake, clock, { leaseMs: 10 * 60_000 });
    const b = senderOn(secondProcessDb, fake, clock, { leaseMs: 10 * 60_000 });
    const started = performance.now();
    await Promise.all([a.run({ untilIdle: true }), b.run({ untilIdle: true })]);
    console.info(`two senders, 1,000 messages: ${Math.round((performance.now() - started) / 1000)} s real time`);

    const counts = deliveryCounts(fake);
    expect(titles.filter((t) => counts.get(text(t)) !== 1)).toEqual([]);
    expect(fake.delivered).toHaveLength(1000);
    expect(a.stats.sent + b.stats.sent).toBe(1000);
    expect(a.stats.sent).toBeGreaterThan(0);
    expect(b.stats.sent).toBeGreaterThan(0);
    expect(a.stats.lostClaims + b.stats.lostClaims).toBe(0);
    // The one-second budget is shared through the database, not per process.
    expect(maxPerSecond(fake.delivered)).toBeLessThanOrEqual(30);
    expect(fake.overLimit).toEqual([]);
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'test:' }, status: { not: 'SENT' } } })).toBe(0);
  });

  it('a sender killed in the middle of a batch, started again, delivers the rest once', { timeout: 600_000 }, async () => {
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const chats = await createChats(database.db, 100);
    const titles = await queueMessages(database.db, chats, 3, T0);
    const kill = new AbortController();
    // The 120th request never reaches the server: the process dies while sending it.
    fake.onRequest = ({ index }) => {
      if (index !== 119) return 'deliver';
      kill.abort();
      return 'drop';
    };
    const first = senderOn(database.db, fake, clock, { concurrency: 1 });
    await first.run({ signal: kill.signal });
    expect(fake.delivered).toHaveLength(119);
    // Its batch is still claimed (SENDING under its lease) …
    expect(await database.db.outboxMessage.count({ where: { chatAccountId: { in: chats.map((c) => c.id) }, status: 'SENDING' } })).toBeGreaterThan(0);

    // … and taken over by the restarted sender once the lease (90 s) has run out.
    fake.onRequest = undefined;
    clock.advance(90_000);
    const restarted = senderOn(database.db, fake, clock, { concurrency: 1 });
    await restarted.run({ untilIdle: true });

    const counts = deliveryCounts(fake);
    expect(titles.filter((t) => counts.get(text(t)) !== 1)).toEqual([]);
    expect(fake.delivered).toHaveLength(300);
    expect(fake.overLimit).toEqual([]);
  });

  it('the one at-least-once window: a crash after the API accepted a message and before it was marked sent', { timeout: 600_000 }, async () => {
    const clock = jumpClock(T0);
    const fake = createLimitedFakeBotApi({ clock });
    const chats = await createChats(database.db, 60);
    const titles = await queueMessages(database.db, chats, 2, T0);
    const kill = new AbortController();
    // The 50th message is delivered, then the process dies before it can record that.
    fake.onRequest = ({ index }) => {
      if (index === 49) queueMicrotask(() => kill.abort());
      return 'deliver';
    };
    const concurrency = 4;
    const first = senderOn(database.db, fake, clock, { concurrency });
    await first.run({ signal: kill.signal });
    const ids = chats.map((c) => c.id);
    const unmarked = new Set(
      (await database.db.outboxMessage.findMany({ where: { chatAccountId: { in: ids }, status: 'SENDING' }, select: { params: true } }))
        .map((m) => text(String((m.params as { title: string }).title)))
        .filter((t) => fake.delivered.some((d) => d.text === t)),
    );
    // Only messages in flight at the moment of the crash can be in the window.
    expect(unmarked.size).toBeGreaterThanOrEqual(1);
    expect(unmarked.size).toBeLessThanOrEqual(concurrency);

    fake.onRequest = undefined;
    clock.advance(90_000);
    await senderOn(database.db, fake, clock, { concurrency }).run({ untilIdle: true });
    const counts = deliveryCounts(fake);
    const twice = titles.map(text).filter((t) => counts.get(t) === 2);
    expect(new Set(twice)).toEqual(unmarked);
    expect(titles.map(text).filter((t) => !unmarked.has(t) && counts.get(t) !== 1)).toEqual([]);
  });
});
