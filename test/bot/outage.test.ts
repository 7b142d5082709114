/**
 * PostgreSQL goes away in the middle of 20 donors' pledges (a TCP proxy between the bot and
 * the server stops listening and cuts every connection), in polling and in webhook mode.
 * During the outage each donor presses "confirm" and then sends /menu. Nothing is
 * acknowledged to the messenger meanwhile (no offset past them, 503 to the webhook), nobody
 * is told it failed, and once the database is back every update is handled exactly once, in
 * order per chat: each donor has one pledge, one confirmation, then the menu.
 *
 * The outage lasts 3 s instead of the 30 s an operator would see: every try during it fails
 * at once (connection refused) and the retries back off to their ceiling (here 500 ms) within
 * the first second, so a longer outage only repeats the same failing tries.
 *
 * Connections cut at random while donors pledge, pay and are confirmed: chaos.test.ts.
 */
import Fastify from 'fastify';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import { startPolling } from '../../bot/polling.ts';
import { botWebhook } from '../../bot/webhook.ts';
import { createCore } from '../../core/index.ts';
import { translator } from '../../messenger/i18n.ts';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestUser, type TestUser } from '../../fixtures/bot/test-user.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startDbProxy, type DbProxy } from '../helpers/db-proxy.ts';

const onPostgres = testDbKind() === 'postgres';
const fa = translator('fa');
const DONORS = 20;
const OUTAGE_MS = 3_000;

let database: Database;
let proxied: Database;
let proxy: DbProxy;
let h: BotHarness;
let centerId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  centerId = (await createCenter(database.db)).id;
  h = createBotHarness({ database });
  const target = database.pool!.options as { host: string; port: number; database: string; user: string };
  proxy = await startDbProxy({ host: target.host, port: Number(target.port) });
  proxied = await openDatabase({ kind: 'postgres', url: proxy.urlFor({ ...target, port: Number(target.port) }), poolSize: 10 });
});
afterAll(async () => {
  await proxied?.close();
  await proxy?.close();
  await database?.close();
});

/** The bot of the "process" under test: on the database behind the proxy. */
function proxiedBot() {
  const deps = { ...h.deps, database: proxied, core: createCore({ db: proxied.db }) };
  return createBot(FAKE_BOT_TOKEN, deps, { client: { fetch: h.api.fetch }, botInfo: FAKE_BOT_INFO });
}

let nextChat = 71_000;

type Deliver = (update: Update) => Promise<void>;

/** Donors up to their pledge's summary, the database up, delivered straight to a bot. */
async function donorsAtSummary(): Promise<{ u: TestUser; donorId: string }[]> {
  return Promise.all(
    Array.from({ length: DONORS }, async () => {
      const id = nextChat++;
      const seeded = await h.donorAt(centerId, { id, languageCode: 'fa' });
      const u = createTestUser(h, { id, languageCode: 'fa' });
      for (const label of ['ثبت تعهد کمک', 'نقدی', 'کمک عمومی', 'یک‌باره']) await u.press(label);
      await u.send('۱۵۰۰۰۰');
      await u.press('ناشناس بمانم');
      expect(u.buttons()).toContain('تأیید و ثبت');
      return { u, donorId: seeded.donor.donorId };
    }),
  );
}

/** The database goes away; each donor presses "confirm" and sends /menu through the messenger; it comes back after OUTAGE_MS. */
async function outageWhile(donors: { u: TestUser }[], deliver: Deliver): Promise<Update[]> {
  await proxy.down();
  const sent: Update[] = [];
  for (const { u } of donors) {
    const confirm = u.pressUpdate('تأیید و ثبت');
    const menu = u.messageUpdate('/menu');
    sent.push(confirm, menu);
    await deliver(confirm);
    await deliver(menu);
  }
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  return sent;
}

async function expectEachHandledOnceInOrder(donors: { u: TestUser; donorId: string }[], sent: Update[]): Promise<void> {
  const ids = sent.map((u) => BigInt(u.update_id));
  await expect.poll(() => database.db.processedUpdate.count({ where: { updateId: { in: ids } } }), { timeout: 30_000, interval: 200 }).toBe(ids.length);
  for (const { u, donorId } of donors) {
    expect(await database.db.pledge.count({ where: { donorId } })).toBe(1);
    const texts = u.texts();
    const done = texts.filter((t) => t.startsWith('تعهد شمارهٔ ۱ شما ثبت شد'));
    expect(done, `chat ${u.id}`).toHaveLength(1);
    // The /menu sent after "confirm" was handled after it.
    expect(texts.at(-1)).toMatch(/^منوی اصلی/);
    expect(texts.indexOf(done[0]!)).toBeLessThan(texts.length - 1);
    expect(texts).not.toContain(fa('bot:error.generic'));
  }
}

describe.skipIf(!onPostgres)('a database outage (PostgreSQL only: the proxy stands between the bot and the server)', () => {
  it('polling: nothing confirmed past an update not handled; afterwards each handled once, in order per chat', async () => {
    const bot = proxiedBot();
    const donors = await donorsAtSummary();
    const logger = pino({ level: 'silent' });
    const polling = startPolling(bot, { concurrency: 8, allowedUpdates: ['message', 'callback_query'], logger, retry: { minMs: 50, maxMs: 500 }, timeoutSeconds: 1 });
    try {
      const sent = await outageWhile(donors, async (update) => h.api.queueUpdate(update));
      // While the database is away no getUpdates has confirmed any of them.
      const offsets = h.api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset ?? 0));
      expect(Math.max(0, ...offsets)).toBeLessThanOrEqual(Math.min(...sent.map((u) => u.update_id)));
      await proxy.up();
      await expectEachHandledOnceInOrder(donors, sent);
    } finally {
      await polling.stop();
    }
  });

  it('webhook: 503 with Retry-After while the database is away; the redeliveries are each handled once, in order per chat', async () => {
    const bot = proxiedBot();
    const app = Fastify();
    await app.register(botWebhook, { bot, path: '/hook', secret: null, platform: { ...h.deps.platform, caps: { ...h.deps.platform.caps, webhookSecret: false } }, logger: pino({ level: 'silent' }), concurrency: 8 });
    const answers: number[] = [];
    let retryAfter: string | undefined;
    // The messenger: a chat's updates one after another, each posted again until answered 200.
    const chats = new Map<number, Promise<void>>();
    const deliver = (update: Update) => {
      const chat = update.message?.chat.id ?? update.callback_query!.from.id;
      const post = async () => {
        for (;;) {
          const res = await app.inject({ method: 'POST', url: '/hook', payload: update });
          answers.push(res.statusCode);
          if (res.statusCode === 200) return;
          retryAfter = res.headers['retry-after'] as string;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      chats.set(chat, (chats.get(chat) ?? Promise.resolve()).then(post));
      return Promise.resolve();
    };
    const donors = await donorsAtSummary();
    try {
      const sent = await outageWhile(donors, deliver);
      expect(answers.filter((s) => s === 200)).toHaveLength(0);
      expect(answers.filter((s) => s === 503).length).toBeGreaterThanOrEqual(DONORS);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      await proxy.up();
      await Promise.all(chats.values());
      await expectEachHandledOnceInOrder(donors, sent);
    } finally {
      await app.close();
    }
  });
});
