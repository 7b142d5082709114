/**
 * Chaos: 100 donors at four centers each pledge (once, or monthly for three months) and
 * report paying it, through the bot (long polling), while the TCP proxy between the app and
 * PostgreSQL cuts open connections at random: every 200 ms each one is cut with a chance of
 * 5%. Then each center's finance officer and its county office confirm the reported gifts,
 * both at once over the same queue, and the outbox sender delivers the receipts, the cuts
 * going on all along: the bot, the staff and the sender each reach the database through
 * the proxy.
 *
 * Afterwards: each donor has one whole pledge (its installments) and one gift against its
 * first installment, confirmed once, the installment paid, one audit row for the decision;
 * each center's receipt numbers run 1..n without a gap; nobody was told that something
 * failed; and each chat received from the Bot API exactly the messages its outbox marks as
 * sent, each once.
 *
 * The donors arrive over a minute (one every 0.6 s, as a day's donors do, not all at once), so
 * the cuts go on for at least a minute with work in flight all along: at this rate well over a
 * hundred cuts land, some inside updates' transactions (counted: updates the bot had to leave
 * for redelivery; the test asks for more than 20 cuts and at least one such update), others
 * inside confirmations and the sender's claims and marks.
 * PostgreSQL only (the proxy stands between the app and the server).
 */
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import { startPolling } from '../../bot/polling.ts';
import { createCore } from '../../core/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { NotificationParams } from '../../core/outbox.ts';
import { isDomainError } from '../../core/errors.ts';
import { createOutboxSender } from '../../jobs/sender/outbox-sender.ts';
import { translator } from '../../messenger/i18n.ts';
import { renderNotification } from '../../messenger/notification-render.ts';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestUser, type TestUser } from '../../fixtures/bot/test-user.ts';
import { createLimitedFakeBotApi } from '../../fixtures/fake-limited-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startDbProxy, type DbProxy } from '../helpers/db-proxy.ts';
import { payPledge, pledgeCash } from '../helpers/donor-steps.ts';

const onPostgres = testDbKind() === 'postgres';
const fa = translator('fa');
const DONORS = 100;
const CENTERS = 4;
/** A donor arrives every this many ms: 100 of them over a minute, the cuts going on all along. */
const ARRIVAL_MS = 600;

let database: Database;
let proxy: DbProxy;
/** The bot's, the staff's and the sender's databases: each its own pool, all through the proxy. */
const proxied: Record<'bot' | 'staff' | 'sender', Database | undefined> = { bot: undefined, staff: undefined, sender: undefined };
let h: BotHarness;
let centers: { id: string; countyId: string }[];

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  centers = await Promise.all(Array.from({ length: CENTERS }, () => createCenter(database.db)));
  h = createBotHarness({ database });
  const target = database.pool!.options as { host: string; port: number; database: string; user: string };
  proxy = await startDbProxy({ host: target.host, port: Number(target.port) });
  const url = proxy.urlFor({ ...target, port: Number(target.port) });
  proxied.bot = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  proxied.staff = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  proxied.sender = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
});
afterAll(async () => {
  for (const d of Object.values(proxied)) await d?.close();
  await proxy?.close();
  await database?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Confirms each gift unless it is confirmed already; a database that drops the connection is tried again, as staff would click again. */
async function confirmAll(core: ReturnType<typeof createCore>, officer: Actor, donationIds: string[]): Promise<void> {
  for (const donationId of donationIds) {
    for (;;) {
      try {
        await core.giving.confirmDonation(officer, { donationId });
        break;
      } catch (e) {
        // The other officer, or this one's own try whose answer was cut off after the commit.
        if (isDomainError(e, 'INVALID_STATE')) break;
        if (!isDatabaseUnavailable(e)) throw e;
        await pause(50);
      }
    }
  }
}

const shuffled = <T,>(xs: T[]): T[] => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

describe.skipIf(!onPostgres)('chaos (PostgreSQL only: the proxy stands between the app and the server)', () => {
  it('100 donors pledge and pay, staff confirm, receipts go out, while connections are cut at random: nothing lost, doubled or partial', { timeout: 240_000 }, async () => {
    const db = database.db;
    const seeded = await Promise.all(
      Array.from({ length: DONORS }, (_, i) => h.donorAt(centers[i % CENTERS]!.id, { id: 91_000 + i, languageCode: 'fa' })),
    );

    // The bot's process, its log read: updates it could not store for a cut connection are left
    // for redelivery (counted); an update that failed for good would be an error.
    let deferred = 0;
    const failed: string[] = [];
    const logger = pino({ level: 'warn' }, {
      write: (line: string) => {
        if (line.includes('left for redelivery')) deferred++;
        else if ((JSON.parse(line) as { level: number }).level >= 50) failed.push(line);
      },
    });
    const bot = createBot(FAKE_BOT_TOKEN, { ...h.deps, logger, database: proxied.bot!, core: createCore({ db: proxied.bot!.db }) }, { client: { fetch: h.api.fetch }, botInfo: FAKE_BOT_INFO });
    // The messenger: getUpdates hands an update out; the user sends the next once an offset past it was confirmed.
    const deliverer = {
      api: h.api,
      nextUpdateId: h.nextUpdateId,
      async deliver(update: Update) {
        h.api.queueUpdate(update);
        for (let i = 0; i < 12_000 && h.api.confirmedBelow() <= update.update_id; i++) await pause(10);
        if (h.api.confirmedBelow() <= update.update_id) throw new Error(`update ${update.update_id} was never confirmed`);
      },
    };
    const fake = createLimitedFakeBotApi({ clock: { now: () => new Date() } });
    const sender = createOutboxSender({
      db: proxied.sender!.db,
      api: new Api(fake.token, { apiRoot: fake.apiRoot, fetch: fake.fetch, timeoutSeconds: 15 }),
      platform: 'TELEGRAM',
      botId: String(FAKE_BOT_INFO.id),
      leaseMs: 30_000,
      idlePollMs: 200,
    });
    const staffCore = createCore({ db: proxied.staff!.db });

    const stopChaos = proxy.chaos(0.05, 200);
    const chaosStarted = Date.now();
    let chaosLasted = 0;
    const polling = startPolling(bot, { concurrency: 8, allowedUpdates: ['message', 'callback_query'], logger, retry: { minMs: 50, maxMs: 500 }, timeoutSeconds: 1 });
    const sending = sender.run();
    let donors: { u: TestUser; donorId: string; centerId: string; plan: 'once' | 'monthly' }[];
    try {
      donors = await Promise.all(
        seeded.map(async ({ u: seededUser, donor }, i) => {
          await pause(i * ARRIVAL_MS);
          const u = createTestUser(deliverer, { id: seededUser.id, languageCode: 'fa' });
          const plan = i % 2 ? 'once' : 'monthly';
          await pledgeCash(u, plan);
          await payPledge(u, 1, `7${u.id}`);
          return { u, donorId: donor.donorId, centerId: centers[i % CENTERS]!.id, plan };
        }),
      );
      // Each center's finance officer and its county office work the same queue at once, in their own order.
      await Promise.all(
        centers.map(async (c) => {
          const gifts = (await db.donation.findMany({ where: { centerId: c.id, state: 'REPORTED' }, select: { id: true } })).map((g) => g.id);
          const finance = await trusteeActor(db, c.id, 'ADMIN_FINANCE');
          const county = await staffActor(db, 'COUNTY_STAFF', { countyId: c.countyId });
          await Promise.all([confirmAll(staffCore, finance, shuffled(gifts)), confirmAll(staffCore, county, shuffled(gifts))]);
        }),
      );
      const receipts = { template: 'donation.confirmed', chatAccount: { externalUserId: { in: seeded.map((s) => String(s.u.id)) } } };
      await expect.poll(() => db.outboxMessage.count({ where: { ...receipts, status: 'SENT' } }), { timeout: 60_000, interval: 200 }).toBe(DONORS);
    } finally {
      stopChaos();
      chaosLasted = Date.now() - chaosStarted;
      await polling.stop();
      await sender.stop();
      await sending;
    }

    expect(chaosLasted, 'how long connections were cut, in ms').toBeGreaterThanOrEqual(60_000);
    expect(proxy.dropped, 'connections cut').toBeGreaterThan(20);
    expect(deferred, 'updates whose transaction a cut broke, handled again').toBeGreaterThan(0);
    expect(failed, 'updates that failed for good').toEqual([]);
    for (const d of donors) {
      const where = `chat ${d.u.id}`;
      expect(d.u.texts(), where).not.toContain(fa('bot:error.generic'));
      const pledges = await db.pledge.findMany({ where: { donorId: d.donorId }, include: { installments: { orderBy: { seq: 'asc' } } } });
      expect(pledges, where).toHaveLength(1);
      const [pledge] = pledges;
      expect(pledge!.installments.map((i) => [i.seq, i.scheduledAmountRial]), where).toEqual(
        d.plan === 'once' ? [[1, 1_000_000n]] : [[1, 1_000_000n], [2, 1_000_000n], [3, 1_000_000n]],
      );
      expect(pledge!.installments.map((i) => i.state), where).toEqual(d.plan === 'once' ? ['PAID'] : ['PAID', 'PENDING', 'PENDING']);
      const gifts = await db.donation.findMany({ where: { donorId: d.donorId } });
      expect(gifts.map((g) => [g.state, g.amountRial, g.pledgeId, g.installmentId, g.traceNumber]), where).toEqual([
        ['CONFIRMED', 1_000_000n, pledge!.id, pledge!.installments[0]!.id, `7${d.u.id}`],
      ]);
      expect(await db.auditLog.count({ where: { action: 'donation.confirm', entityId: gifts[0]!.id } }), where).toBe(1);
    }
    // Gap-free receipt numbers per center: a confirmation a cut rolled back took its number back.
    for (const c of centers) {
      const numbers = (await db.donation.findMany({ where: { centerId: c.id }, select: { receiptNo: true } })).map((g) => g.receiptNo).sort((a, b) => a! - b!);
      expect(numbers, `center ${c.id}`).toEqual(Array.from({ length: DONORS / CENTERS }, (_, i) => i + 1));
    }
    // What each chat received, against its outbox: every message sent, each exactly once.
    const chats = donors.map((d) => String(d.u.id));
    const outbox = await db.outboxMessage.findMany({ where: { chatAccount: { chatId: { in: chats } } }, include: { chatAccount: true } });
    expect(outbox.filter((m) => m.status !== 'SENT')).toEqual([]);
    const perChat = (to: string[]) => Object.fromEntries(chats.map((c) => [c, to.filter((x) => x === c).length]));
    expect(perChat(fake.delivered.map((m) => m.chatId))).toEqual(perChat(outbox.map((m) => String(m.chatAccount.chatId))));
    expect(outbox.filter((m) => m.template === 'donation.confirmed')).toHaveLength(DONORS);
    for (const m of outbox) {
      const text = renderNotification(m.template, m.params as NotificationParams, m.chatAccount.language).text;
      expect(fake.delivered.filter((x) => x.chatId === String(m.chatAccount.chatId) && x.text === text), `${m.template} to ${m.chatAccount.chatId}`).toHaveLength(1);
    }
  });
});
