/**
 * PostgreSQL goes away for 30 s (a TCP proxy between the app and the server stops listening
 * and cuts every connection) while the whole app runs against it, each part with its own
 * connections, as separate processes would: a bot that polls and one behind a webhook, 20
 * donors in the middle of a pledge with each, and the background jobs (outbox sender,
 * reminder schedule). One outage for all of it: the parts fail and come back independently,
 * and the file pays for 30 s once.
 *
 *  - Bots: during the outage each donor presses "confirm" and then sends /menu. Nothing is
 *    acknowledged to the messenger meanwhile (no offset past them, 503 to the webhook), nobody
 *    is told it failed, and once the database is back every update is handled exactly once,
 *    in order per chat: each donor has one pledge, one confirmation, then the menu.
 *  - Jobs: notifications queued during the outage (core writes them on a connection of its
 *    own) are each delivered once afterwards, and the reminder schedule, checked every second
 *    here, runs its next tick by itself: pg-boss fires a schedule at most once a minute, so the
 *    outage lasts until just past a minute mark if 30 s would end before one, and the tick of
 *    that minute, due while the database was away, runs after it and reminds an installment
 *    that fell due during the outage.
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
import { notifyPerson } from '../../core/outbox.ts';
import { REMINDERS_TICK_QUEUE, startJobs, type Jobs } from '../../jobs/index.ts';
import { tehranDbDay } from '../../jobs/reminders/tehran-time.ts';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { createCenter, createDonor, createPerson, createPledge, createTrustee } from '../../fixtures/factories.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createLimitedFakeBotApi } from '../../fixtures/fake-limited-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startDbProxy, type DbProxy } from '../helpers/db-proxy.ts';
import { donorsAtSummary, expectEachHandledOnceInOrder, sentDuringOutage, webhookMessenger } from '../helpers/outage.ts';
import { chatActor } from '../helpers/work.ts';

const onPostgres = testDbKind() === 'postgres';
const DONORS = 20;
const OUTAGE_MS = 30_000;
const MINUTE = 60_000;

let database: Database;
let proxy: DbProxy;
let proxiedUrl: string;
/** The app's parts, each on its own pool through the proxy. */
const proxied: Database[] = [];
let jobs: Jobs | undefined;
let h: BotHarness;
let centerId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  centerId = (await createCenter(database.db)).id;
  h = createBotHarness({ database });
  const target = database.pool!.options as { host: string; port: number; database: string; user: string };
  proxy = await startDbProxy({ host: target.host, port: Number(target.port) });
  proxiedUrl = proxy.urlFor({ ...target, port: Number(target.port) });
});
afterAll(async () => {
  await jobs?.stop();
  await Promise.all(proxied.map((p) => p.close()));
  await proxy?.close();
  await database?.close();
});

async function throughProxy(poolSize: number): Promise<Database> {
  const opened = await openDatabase({ kind: 'postgres', url: proxiedUrl, poolSize });
  proxied.push(opened);
  return opened;
}

async function proxiedBot() {
  const on = await throughProxy(10);
  const deps = { ...h.deps, database: on, core: createCore({ db: on.db }) };
  return createBot(FAKE_BOT_TOKEN, deps, { client: { fetch: h.api.fetch }, botInfo: FAKE_BOT_INFO });
}

const chatOf = async (personId: string) =>
  (await database.db.chatAccount.findUniqueOrThrow({ where: { id: (await chatActor(database.db, personId)).chatAccountId } })).chatId!;

describe.skipIf(!onPostgres)('a database outage (PostgreSQL only: the proxy stands between the app and the server)', () => {
  it('bots acknowledge nothing and apologise for nothing, then handle each update once in order; the outbox drains and the next reminder tick comes by itself', { timeout: 240_000 }, async () => {
    const db = database.db;
    const logger = pino({ level: 'silent' });
    const [pollingDonors, webhookDonors] = await Promise.all([donorsAtSummary(h, centerId, DONORS), donorsAtSummary(h, centerId, DONORS)]);
    const trustees = await Promise.all(Array.from({ length: 5 }, async () => createTrustee(db, { centerId: (await createCenter(db)).id, role: 'CHAIR' })));
    const trusteeChats = await Promise.all(trustees.map((t) => chatOf(t.personId)));

    const polling = startPolling(await proxiedBot(), { concurrency: 8, allowedUpdates: ['message', 'callback_query'], logger, retry: { minMs: 50, maxMs: 500 }, timeoutSeconds: 1 });
    const app = Fastify();
    const platform = { ...h.deps.platform, caps: { ...h.deps.platform.caps, webhookSecret: false } };
    await app.register(botWebhook, { bot: await proxiedBot(), path: '/hook', secret: null, platform, logger, concurrency: 8 });
    const messenger = webhookMessenger(app, '/hook');
    const fake = createLimitedFakeBotApi({ clock: { now: () => new Date() } });
    const jobsDb = await throughProxy(5);
    jobs = await startJobs({
      database: jobsDb,
      core: createCore({ db: jobsDb.db }),
      logger,
      bots: [{ platform: 'TELEGRAM', token: fake.token, apiRoot: fake.apiRoot }],
      bossConnectionString: proxiedUrl,
      fetch: fake.fetch,
      reminders: { quietHours: { startHour: 0, endHour: 0 } },
      tickCron: '* * * * *',
      scheduleCheckSeconds: 1,
    });
    try {
      await proxy.down();
      const downAt = Date.now();
      // The minute mark the outage spans (at least a second in, so no tick of it ran before).
      const missedTick = Math.ceil((downAt + 1_000) / MINUTE) * MINUTE;

      const viaPolling = sentDuringOutage(pollingDonors);
      const viaWebhook = sentDuringOutage(webhookDonors);
      for (const update of viaPolling) h.api.queueUpdate(update);
      for (const update of viaWebhook) messenger.deliver(update);
      for (const [i, t] of trustees.entries()) {
        await db.$transaction((tx) => notifyPerson(tx, t.personId, { template: 'trustee.linked', params: { role: 'CHAIR' }, dedupeKey: `outage-${i}` }));
      }
      // Falls due while the jobs cannot reach the database: only a tick after the outage can remind it.
      const donorPerson = await createPerson(db);
      const donorChat = await chatOf(donorPerson.id);
      const donor = await createDonor(db, { personId: donorPerson.id });
      const pledge = await createPledge(db, { centerId: trustees[0]!.centerId, donorId: donor.id, firstDueOn: tehranDbDay(new Date()) });

      await new Promise((r) => setTimeout(r, Math.max(downAt + OUTAGE_MS, missedTick + 2_000) - Date.now()));

      // While the database is away no getUpdates has confirmed any of them…
      const offsets = h.api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset ?? 0));
      expect(Math.max(0, ...offsets)).toBeLessThanOrEqual(Math.min(...viaPolling.map((u) => u.update_id)));
      // …the webhook accepted none: each chat's first update was refused, again and again…
      expect(messenger.answers.filter((s) => s === 200)).toHaveLength(0);
      expect(messenger.answers.filter((s) => s === 503).length).toBeGreaterThanOrEqual(DONORS * 2);
      expect(Number(messenger.retryAfter)).toBeGreaterThan(0);
      // …and the jobs delivered nothing queued meanwhile.
      expect(fake.delivered.filter((d) => trusteeChats.includes(d.chatId) || d.chatId === donorChat)).toHaveLength(0);

      await proxy.up();
      const upAt = new Date();
      await messenger.settled();
      await expectEachHandledOnceInOrder(database, pollingDonors, viaPolling);
      await expectEachHandledOnceInOrder(database, webhookDonors, viaWebhook);

      await expect.poll(() => db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'outage-' }, status: 'SENT' } }), { timeout: 60_000, interval: 200 }).toBe(5);
      const linked = fake.delivered.filter((d) => trusteeChats.includes(d.chatId) && d.text.includes('متصل شد'));
      expect(linked.map((d) => d.chatId).sort()).toEqual([...trusteeChats].sort());

      // Nobody sent the tick: the schedule did, once the database was back.
      const ticksAfter = async () => (await jobs!.boss.findJobs(REMINDERS_TICK_QUEUE)).filter((j) => j.createdOn >= upAt && j.state === 'completed');
      await expect.poll(async () => (await ticksAfter()).length, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(1);
      const reminder = { template: 'reminder.installmentToday', chatAccount: { chatId: donorChat } };
      await expect.poll(() => db.outboxMessage.count({ where: { ...reminder, status: 'SENT' } }), { timeout: 30_000, interval: 200 }).toBe(1);
      expect(await db.outboxMessage.count({ where: reminder })).toBe(1);
      expect(fake.delivered.filter((d) => d.chatId === donorChat)).toHaveLength(1);
      expect((await db.pledgeInstallment.findFirstOrThrow({ where: { pledgeId: pledge.id } })).lastRemindedAt).not.toBeNull();
    } finally {
      await polling.stop();
      await app.close();
    }
  });
});
