/**
 * The background work comes back by itself after a database outage (PostgreSQL only: a TCP
 * proxy between the jobs and the server goes away and cuts every connection, pg-boss's
 * included): notifications queued meanwhile are delivered once the database is back, each
 * exactly once, and the next reminder tick runs through pg-boss and reminds what fell due
 * during the outage (an installment due today), which then reaches the donor's chat once.
 *
 * The outage lasts 3 s rather than 30: the sender's claim fails at once and is tried again
 * every idle poll, and pg-boss's pool reconnects on its next use, so a longer outage only
 * repeats the same failing tries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { createCore } from '../../core/index.ts';
import { notifyPerson } from '../../core/outbox.ts';
import { REMINDERS_TICK_QUEUE, startJobs, type Jobs } from '../../jobs/index.ts';
import { createTrustee, createCenter, createDonor, createPerson, createPledge } from '../../fixtures/factories.ts';
import { tehranDbDay } from '../../jobs/reminders/tehran-time.ts';
import { createLimitedFakeBotApi } from '../../fixtures/fake-limited-bot-api.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startDbProxy, type DbProxy } from '../helpers/db-proxy.ts';
import { chatActor } from '../helpers/work.ts';

const onPostgres = testDbKind() === 'postgres';

let database: Database;
let proxied: Database;
let proxy: DbProxy;
let proxiedUrl: string;
let jobs: Jobs | undefined;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  const target = database.pool!.options as { host: string; port: number; database: string; user: string };
  proxy = await startDbProxy({ host: target.host, port: Number(target.port) });
  proxiedUrl = proxy.urlFor({ ...target, port: Number(target.port) });
  proxied = await openDatabase({ kind: 'postgres', url: proxiedUrl, poolSize: 5 });
});
afterAll(async () => {
  await jobs?.stop();
  await proxied?.close();
  await proxy?.close();
  await database?.close();
});

describe.skipIf(!onPostgres)('jobs after a database outage (PostgreSQL only: the proxy stands between the jobs and the server)', () => {
  it('the outbox drains, each message sent once, and the next reminder tick runs', { timeout: 120_000 }, async () => {
    const fake = createLimitedFakeBotApi({ clock: { now: () => new Date() } });
    jobs = await startJobs({
      database: proxied,
      core: createCore({ db: proxied.db }),
      logger: pino({ level: 'silent' }),
      bots: [{ platform: 'TELEGRAM', token: fake.token, apiRoot: fake.apiRoot }],
      bossConnectionString: proxiedUrl,
      fetch: fake.fetch,
      reminders: { quietHours: { startHour: 0, endHour: 0 } },
    });
    const db = database.db;
    const trustees = await Promise.all(Array.from({ length: 5 }, async () => createTrustee(db, { centerId: (await createCenter(db)).id, role: 'CHAIR' })));
    const chats = await Promise.all(trustees.map(async (t) => (await db.chatAccount.findUniqueOrThrow({ where: { id: (await chatActor(db, t.personId)).chatAccountId } })).chatId));

    await proxy.down();
    // Queued while the jobs cannot reach the database (core writes them on its own connection).
    for (const [i, t] of trustees.entries()) {
      await db.$transaction((tx) => notifyPerson(tx, t.personId, { template: 'trustee.linked', params: { role: 'CHAIR' }, dedupeKey: `outage-${i}` }));
    }
    // Falls due while the database is away from the jobs: only a tick after the outage can remind it.
    const donorPerson = await createPerson(db);
    const donorChat = (await db.chatAccount.findUniqueOrThrow({ where: { id: (await chatActor(db, donorPerson.id)).chatAccountId } })).chatId!;
    const donor = await createDonor(db, { personId: donorPerson.id });
    const pledge = await createPledge(db, { centerId: trustees[0]!.centerId, donorId: donor.id, firstDueOn: tehranDbDay(new Date()) });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(fake.delivered.filter((d) => chats.includes(d.chatId))).toHaveLength(0);
    await proxy.up();

    await expect.poll(() => db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'outage-' }, status: 'SENT' } }), { timeout: 60_000, interval: 200 }).toBe(5);
    const linked = fake.delivered.filter((d) => chats.includes(d.chatId) && d.text.includes('متصل شد'));
    expect(linked.map((d) => d.chatId).sort()).toEqual([...chats].sort());

    const id = await jobs.boss.send(REMINDERS_TICK_QUEUE, {});
    await expect
      .poll(async () => (await jobs!.boss.findJobs(REMINDERS_TICK_QUEUE, { id: id! }))[0]?.state, { timeout: 60_000, interval: 200 })
      .toBe('completed');
    const reminder = { template: 'reminder.installmentToday', chatAccount: { chatId: donorChat } };
    await expect.poll(() => db.outboxMessage.count({ where: { ...reminder, status: 'SENT' } }), { timeout: 30_000, interval: 200 }).toBe(1);
    expect(await db.outboxMessage.count({ where: reminder })).toBe(1);
    expect(fake.delivered.filter((d) => d.chatId === donorChat)).toHaveLength(1);
    expect((await db.pledgeInstallment.findFirstOrThrow({ where: { pledgeId: pledge.id } })).lastRemindedAt).not.toBeNull();
  });
});
