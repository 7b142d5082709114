/**
 * The background work of the app, started by main.ts when a bot is configured:
 *   - one outbox sender per bot (jobs/sender), polling and woken after reminders;
 *   - the reminder tick (jobs/reminders) on a pg-boss cron schedule, every
 *     `tickCron` in Tehran time; a `stately` queue keeps one tick running and
 *     at most one waiting, across processes.
 * Why one tick that computes what is due, rather than a pg-boss schedule per
 * reminder: quiet hours, the Jalali calendar and "once per period" live in our
 * code and tests (a fake clock), and a tick missed while the server was down
 * is made up by the next one instead of being lost or piling up.
 */
import { Api, type ApiClientOptions } from 'grammy';
import type { PgBoss } from 'pg-boss';
import type { Core } from '../core/index.ts';
import { TEHRAN } from '../core/jalali.ts';
import type { Logger } from '../logger.ts';
import { botIdFromToken } from '../messenger/bot-id.ts';
import type { Platform } from '../messenger/platform.ts';
import type { Database } from '../prisma/client.ts';
import { createBoss } from './boss.ts';
import { systemJobClock, type JobClock } from './clock.ts';
import type { ReminderSettings, SenderLimits } from './config.ts';
import { createReminderRunner, type ReminderRunner } from './reminders/run-reminders.ts';
import { createOutboxSender, type OutboxSender } from './sender/outbox-sender.ts';

export const REMINDERS_TICK_QUEUE = 'reminders-tick';

export interface JobsBot {
  platform: Platform;
  token: string;
  apiRoot: string;
  /** This bot's Bot API at grammY's client.fetch (the playground's in-process API); else JobsDeps.fetch or the network. */
  fetch?: ApiClientOptions['fetch'];
}

export interface JobsDeps {
  database: Database;
  core: Core;
  logger: Logger;
  bots: JobsBot[];
  /** PostgreSQL: pg-boss's own connection (DATABASE_URL). */
  bossConnectionString?: string;
  limits?: Partial<Record<Platform, Partial<SenderLimits>>>;
  reminders?: Partial<ReminderSettings>;
  /** Cron (Tehran time) of the reminder tick; pg-boss fires a schedule at most once a minute. */
  tickCron?: string;
  /** Seconds between pg-boss's looks for a tick come due (createBoss); unset in production. */
  scheduleCheckSeconds?: number;
  clock?: JobClock;
  /** Tests: a fake Bot API. */
  fetch?: ApiClientOptions['fetch'];
}

export interface Jobs {
  boss: PgBoss;
  senders: OutboxSender[];
  reminders: ReminderRunner;
  stop(): Promise<void>;
}

/** The API client's request timeout; the sender's lease (90 s) covers a batch of such requests. */
const REQUEST_TIMEOUT_SECONDS = 15;

function fetchOf(bot: JobsBot, deps: JobsDeps): Pick<ApiClientOptions, 'fetch'> {
  const fetch = bot.fetch ?? deps.fetch;
  return fetch ? { fetch } : {};
}

export async function startJobs(deps: JobsDeps): Promise<Jobs> {
  const clock = deps.clock ?? systemJobClock;
  const log = deps.logger.child({ module: 'jobs' });
  const boss = createBoss({ database: deps.database, connectionString: deps.bossConnectionString, scheduleCheckSeconds: deps.scheduleCheckSeconds });
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  await boss.start();

  const senders = deps.bots.map((bot) =>
    createOutboxSender({
      db: deps.database.db,
      api: new Api(bot.token, { apiRoot: bot.apiRoot, timeoutSeconds: REQUEST_TIMEOUT_SECONDS, ...fetchOf(bot, deps) }),
      platform: bot.platform,
      botId: botIdFromToken(bot.token),
      clock,
      logger: log.child({ sender: bot.platform }),
      limits: deps.limits?.[bot.platform],
    }),
  );
  const running = senders.map((s) => s.run().catch((err: unknown) => log.error({ err }, 'outbox sender stopped')));

  const reminders = createReminderRunner({ db: deps.database.db, core: deps.core, clock, settings: deps.reminders, logger: log });
  await boss.createQueue(REMINDERS_TICK_QUEUE, { policy: 'stately', retryLimit: 1, expireInSeconds: 15 * 60 });
  await boss.work(REMINDERS_TICK_QUEUE, async () => {
    const result = await reminders.tick();
    if (!result.quiet) log.debug({ result }, 'reminder tick');
    for (const s of senders) s.wake();
    return result;
  });
  await boss.schedule(REMINDERS_TICK_QUEUE, deps.tickCron ?? '*/5 * * * *', null, { tz: TEHRAN });

  return {
    boss,
    senders,
    reminders,
    async stop() {
      await Promise.all(senders.map((s) => s.stop()));
      await Promise.all(running);
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
