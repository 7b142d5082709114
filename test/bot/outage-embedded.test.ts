/**
 * The embedded database fails in the middle of 20 donors' pledges: the failure is injected in
 * its Prisma adapter (test/helpers/failing-adapter.ts), since an in-process database has no
 * network to lose. It starts inside an update, at the first pledge written (that update's
 * transaction is lost half-way), and from then on every statement fails until it ends. 10
 * donors talk to a bot that polls, 10 to one behind a webhook, both at once (the one
 * connection takes their updates one at a time: more donors would only lengthen the file).
 * During it each donor presses "confirm" and then sends /menu. As on PostgreSQL
 * (outage.test.ts): nothing is acknowledged meanwhile, nobody is told it failed, and
 * afterwards every update is handled exactly once, in order per chat, each donor with one
 * pledge.
 *
 * The failure lasts 3 s rather than an operator's 30: every try during it fails at once and
 * the retries reach their ceiling (here 500 ms) within the first second, so a longer one only
 * repeats the same failing tries.
 */
import Fastify from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import { startPolling } from '../../bot/polling.ts';
import { botWebhook } from '../../bot/webhook.ts';
import { createCore } from '../../core/index.ts';
import type { Database } from '../../prisma/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { failingDatabase, type FailingDatabase } from '../helpers/failing-adapter.ts';
import { donorsAtSummary, expectEachHandledOnceInOrder, sentDuringOutage, webhookMessenger } from '../helpers/outage.ts';

const embedded = testDbKind() === 'pglite';
const DONORS_PER_MODE = 10;
const OUTAGE_MS = 3_000;

let database: Database;
let failing: FailingDatabase;
let h: BotHarness;
let centerId: string;

beforeAll(async () => {
  if (!embedded) return;
  database = await createTestDatabase();
  centerId = (await createCenter(database.db)).id;
  h = createBotHarness({ database });
  failing = failingDatabase(database);
});
afterAll(async () => {
  await failing?.database.close();
  await database?.close();
});

/** A bot on the embedded database through the failing adapter. */
function failingBot() {
  const deps = { ...h.deps, database: failing.database, core: createCore({ db: failing.database.db }) };
  return createBot(FAKE_BOT_TOKEN, deps, { client: { fetch: h.api.fetch }, botInfo: FAKE_BOT_INFO });
}

describe.runIf(embedded)('an outage of the embedded database (PostgreSQL has its own: outage.test.ts)', () => {
  it('polling and webhook: nothing acknowledged while it lasts, nobody told it failed; afterwards each update handled once, in order per chat', { timeout: 120_000 }, async () => {
    const logger = pino({ level: 'silent' });
    const [pollingDonors, webhookDonors] = await Promise.all([donorsAtSummary(h, centerId, DONORS_PER_MODE), donorsAtSummary(h, centerId, DONORS_PER_MODE)]);
    const viaPolling = sentDuringOutage(pollingDonors);
    const viaWebhook = sentDuringOutage(webhookDonors);

    // The first pledge written loses its transaction, and the database is gone from then on.
    const started = failing.cutAt(/^INSERT INTO "public"\."Pledge"/).then(() => failing.down());
    const polling = startPolling(failingBot(), { concurrency: 8, allowedUpdates: ['message', 'callback_query'], logger, retry: { minMs: 50, maxMs: 500 }, timeoutSeconds: 1 });
    const app = Fastify();
    const platform = { ...h.deps.platform, caps: { ...h.deps.platform.caps, webhookSecret: false } };
    await app.register(botWebhook, { bot: failingBot(), path: '/hook', secret: null, platform, logger, concurrency: 8 });
    const messenger = webhookMessenger(app, '/hook');
    try {
      for (const update of viaPolling) h.api.queueUpdate(update);
      for (const update of viaWebhook) messenger.deliver(update);
      await started;
      await new Promise((r) => setTimeout(r, OUTAGE_MS));

      const offsets = h.api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset ?? 0));
      expect(Math.max(0, ...offsets)).toBeLessThanOrEqual(Math.min(...viaPolling.map((u) => u.update_id)));
      expect(messenger.answers.filter((s) => s === 200)).toHaveLength(0);
      expect(messenger.answers.filter((s) => s === 503).length).toBeGreaterThanOrEqual(DONORS_PER_MODE);
      expect(failing.refused).toBeGreaterThan(DONORS_PER_MODE * 4);

      failing.up();
      await messenger.settled();
      await expectEachHandledOnceInOrder(database, pollingDonors, viaPolling);
      await expectEachHandledOnceInOrder(database, webhookDonors, viaWebhook);
    } finally {
      await polling.stop();
      await app.close();
    }
  });
});
