/**
 * PostgreSQL goes away for 30 s in the middle of 40 donors' pledges (a TCP proxy between the
 * bots and the server stops listening and cuts every connection): 20 donors talk to a bot
 * that polls, 20 to one behind a webhook, both at once, as two processes through the same
 * proxy, so the two modes share one outage. During it each donor presses "confirm" and then
 * sends /menu. Nothing is acknowledged to the messenger meanwhile (no offset past them, 503
 * to the webhook), nobody is told it failed, and once the database is back every update is
 * handled exactly once, in order per chat: each donor has one pledge, one confirmation, then
 * the menu.
 *
 * The embedded database's outage (a failure injected in its adapter): outage-embedded.test.ts.
 * Connections cut at random while donors pledge, pay and are confirmed: chaos.test.ts.
 */
import Fastify from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import { startPolling } from '../../bot/polling.ts';
import { botWebhook } from '../../bot/webhook.ts';
import { createCore } from '../../core/index.ts';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startDbProxy, type DbProxy } from '../helpers/db-proxy.ts';
import { donorsAtSummary, expectEachHandledOnceInOrder, sentDuringOutage, webhookMessenger } from '../helpers/outage.ts';

const onPostgres = testDbKind() === 'postgres';
const DONORS = 20;
const OUTAGE_MS = 30_000;

let database: Database;
/** One per bot "process", each with its own pool, both through the proxy. */
const proxied: Database[] = [];
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
  const url = proxy.urlFor({ ...target, port: Number(target.port) });
  for (let i = 0; i < 2; i++) proxied.push(await openDatabase({ kind: 'postgres', url, poolSize: 10 }));
});
afterAll(async () => {
  await Promise.all(proxied.map((p) => p.close()));
  await proxy?.close();
  await database?.close();
});

/** A bot on a database behind the proxy. */
function proxiedBot(on: Database) {
  const deps = { ...h.deps, database: on, core: createCore({ db: on.db }) };
  return createBot(FAKE_BOT_TOKEN, deps, { client: { fetch: h.api.fetch }, botInfo: FAKE_BOT_INFO });
}

describe.skipIf(!onPostgres)('a database outage (PostgreSQL only: the proxy stands between the bots and the server)', () => {
  it('polling and webhook: nothing acknowledged while it lasts, nobody told it failed; afterwards each update handled once, in order per chat', { timeout: 180_000 }, async () => {
    const logger = pino({ level: 'silent' });
    const [pollingDonors, webhookDonors] = await Promise.all([donorsAtSummary(h, centerId, DONORS), donorsAtSummary(h, centerId, DONORS)]);

    const polling = startPolling(proxiedBot(proxied[0]!), { concurrency: 8, allowedUpdates: ['message', 'callback_query'], logger, retry: { minMs: 50, maxMs: 500 }, timeoutSeconds: 1 });
    const app = Fastify();
    const platform = { ...h.deps.platform, caps: { ...h.deps.platform.caps, webhookSecret: false } };
    await app.register(botWebhook, { bot: proxiedBot(proxied[1]!), path: '/hook', secret: null, platform, logger, concurrency: 8 });
    const messenger = webhookMessenger(app, '/hook');
    try {
      await proxy.down();
      const viaPolling = sentDuringOutage(pollingDonors);
      const viaWebhook = sentDuringOutage(webhookDonors);
      for (const update of viaPolling) h.api.queueUpdate(update);
      for (const update of viaWebhook) messenger.deliver(update);
      await new Promise((r) => setTimeout(r, OUTAGE_MS));

      // While the database is away no getUpdates has confirmed any of them…
      const offsets = h.api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset ?? 0));
      expect(Math.max(0, ...offsets)).toBeLessThanOrEqual(Math.min(...viaPolling.map((u) => u.update_id)));
      // …and the webhook accepted none: each chat's first update was refused, again and again.
      expect(messenger.answers.filter((s) => s === 200)).toHaveLength(0);
      expect(messenger.answers.filter((s) => s === 503).length).toBeGreaterThanOrEqual(DONORS * 2);
      expect(Number(messenger.retryAfter)).toBeGreaterThan(0);

      await proxy.up();
      await messenger.settled();
      await expectEachHandledOnceInOrder(database, pollingDonors, viaPolling);
      await expectEachHandledOnceInOrder(database, webhookDonors, viaWebhook);
    } finally {
      await polling.stop();
      await app.close();
    }
  });
});
