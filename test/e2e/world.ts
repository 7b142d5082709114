/**
 * The one world an end-to-end story runs in, wired as main.ts wires the app: a database
 * (PGlite or PostgreSQL, empty), one core on one clock, the panel over it (Fastify inject),
 * the real bot on Bale (the product's default) against the fake Bot API at `client.fetch`,
 * the reminder tick the jobs run every five minutes, and the outbox sender that delivers
 * what core queued. The clock stands at 11:30 in Tehran on 5 Azar 1405, past the night's
 * quiet hours, so the story reads the same whatever the hour it runs at.
 *
 * Steps (test/e2e/*-steps.ts) act only through these faces; the test reads the database
 * only to assert.
 */
import type { FastifyInstance } from 'fastify';
import { createCore, type Core } from '../../core/index.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import { createReminderRunner, type ReminderRunner } from '../../jobs/reminders/run-reminders.ts';
import type { Database } from '../../prisma/client.ts';
import { buildTestAdmin } from '../helpers/admin.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';
import { jumpClock } from '../helpers/jump-clock.ts';
import { fakeClock } from '../helpers/work.ts';
import type { Panel } from './panel-steps.ts';

const DAY_MS = 86_400_000;

/** Who is on the board, by the role they were appointed to. */
export type BoardSeat = 'CHAIR' | 'VICE_CHAIR' | 'ADMIN_FINANCE';

export interface World {
  database: Database;
  clock: ReturnType<typeof fakeClock>;
  core: Core;
  app: FastifyInstance;
  bot: BotHarness;
  reminders: ReminderRunner;
  /** Panel logins, once given. */
  panels: { admin?: Panel; staff?: Panel; viceChair?: Panel; finance?: Panel };
  /** People chatting with the bot, once they start. */
  chats: { chair?: TestUser; viceChair?: TestUser; volunteer?: TestUser; donor?: TestUser };
  /** What the story has built so far (ids the next steps act on). */
  story: {
    provinceId?: string;
    countyId?: string;
    centerId?: string;
    activityCode?: string;
    board: Partial<Record<BoardSeat, string>>;
    volunteerId?: string;
    donationId?: string;
    beneficiaryId?: string;
    needId?: string;
    distributionId?: string;
  };
  /** A calendar day `days` from the world's today, as the Jalali picker sends it (YYYY-MM-DD). */
  day(days?: number): string;
  /** What the outbox holds is sent to the chats, as the running sender does. */
  deliver(): Promise<void>;
}

export async function openWorld(database: Database): Promise<World> {
  const clock = fakeClock();
  const core = createCore({ db: database.db, clock });
  const app = await buildTestAdmin(database, { core });
  const bot = createBotHarness({ database, platform: 'BALE', clock });
  const reminders = createReminderRunner({ db: database.db, core, clock });
  return {
    database,
    clock,
    core,
    app,
    bot,
    reminders,
    panels: {},
    chats: {},
    story: { board: {} },
    day: (days = 0) => new Date(clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10),
    // The sender keeps one message a second per chat; on a jumping clock that pace costs no real time.
    deliver: () => deliverOutbox(bot, jumpClock(new Date())),
  };
}

export async function closeWorld(world: World | undefined): Promise<void> {
  await world?.app.close();
}

/** The record the story built, or a failure naming the step that should have built it. */
export function built<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the story has no ${what} yet: an earlier step did not run`);
  return value;
}
