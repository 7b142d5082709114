/**
 * The wiring: pg-boss on the app's database (the shared PGlite instance, or its
 * own pool on PostgreSQL) runs the reminder tick on its schedule's queue, and
 * the outbox sender delivers what core queued; stop() ends everything cleanly.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import type { Database } from '../../prisma/client.ts';
import { createCore } from '../../core/index.ts';
import { notifyPerson } from '../../core/outbox.ts';
import { REMINDERS_TICK_QUEUE, startJobs, type Jobs } from '../../jobs/index.ts';
import { createTrustee, createCenter } from '../../fixtures/factories.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { chatActor } from '../helpers/work.ts';
import { createLimitedFakeBotApi } from '../../fixtures/fake-limited-bot-api.ts';

let database: Database;
let jobs: Jobs | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

async function connectionString(): Promise<string | undefined> {
  if (testDbKind() !== 'postgres') return undefined;
  const spec = inject('testDb');
  const [row] = await database.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(spec.kind === 'postgres' ? spec.url : '');
  url.pathname = `/${row!.name}`;
  return url.toString();
}

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('starts pg-boss and the sender on the app database, runs a reminder tick through its queue, and stops', { timeout: 300_000 }, async () => {
  const db = database.db;
  const fake = createLimitedFakeBotApi({ clock: { now: () => new Date() } });
  const core = createCore({ db });
  jobs = await startJobs({
    database,
    core,
    logger: pino({ level: 'silent' }),
    bots: [{ platform: 'TELEGRAM', token: fake.token, apiRoot: fake.apiRoot }],
    bossConnectionString: await connectionString(),
    fetch: fake.fetch,
    // Quiet hours off: the test must not depend on the hour it runs at.
    reminders: { quietHours: { startHour: 0, endHour: 0 } },
  });

  const schedules = await jobs.boss.getSchedules(REMINDERS_TICK_QUEUE);
  expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['*/5 * * * *', 'Asia/Tehran']]);

  // A notification queued by core reaches the chat through the running sender.
  const center = await createCenter(db);
  const chair = await createTrustee(db, { centerId: center.id, role: 'CHAIR' });
  const chat = await chatActor(db, chair.personId);
  const chatRow = await db.chatAccount.findUniqueOrThrow({ where: { id: chat.chatAccountId } });
  await db.$transaction((tx) => notifyPerson(tx, chair.personId, { template: 'trustee.linked', params: { role: 'CHAIR' }, dedupeKey: 'wiring' }));
  const delivered = await until('the notification', async () => fake.delivered.find((d) => d.chatId === chatRow.chatId && d.text.includes('متصل شد')));
  // (matched by text too: a tick on the schedule may already have sent the month's role tasks)
  expect(delivered.text).toBe('حساب شما به سمت رئیس هیئت امنا در هیئت امنا متصل شد.');

  // The tick runs as a pg-boss job: a task overdue since yesterday is reminded, and the reminder sent.
  await db.trusteeTask.create({ data: { centerId: center.id, title: 'بازدید از خانواده‌ها', assigneeRole: 'CHAIR', dueAt: new Date(Date.now() - 86_400_000) } });
  const id = await jobs.boss.send(REMINDERS_TICK_QUEUE, {});
  expect(id).toBeTruthy();
  const job = await until('the tick job', async () => {
    const [j] = await jobs!.boss.findJobs(REMINDERS_TICK_QUEUE, { id: id! });
    return j && (j.state === 'completed' || j.state === 'failed') ? j : null;
  });
  expect(job.state).toBe('completed');
  const reminder = await until('the reminder', async () => fake.delivered.find((d) => d.text.includes('بازدید از خانواده‌ها')));
  expect(reminder.replyMarkup).toMatchObject({ inline_keyboard: [[{ callback_data: expect.stringMatching(/^remind:task:/) }]] });

  await jobs.stop();
  jobs = undefined;
});
