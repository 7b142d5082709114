/**
 * `npm start`: config -> database (migrated, demo data when embedded and empty) -> core, the
 * bot and the playground -> the HTTP app (app.ts) -> listen -> the bot's polling, the outbox
 * sender and the reminders. With the embedded database everything runs in this one process.
 *
 * npm start (and the Docker image) run node with two memory settings, measured on a warm
 * server after panel and playground load (bench/startup.ts): --max-semi-space-size=8 keeps
 * V8's young generation at 8 MB a half instead of letting it grow to 64 MB (about 95 MB less
 * resident; requests allocate little); MALLOC_ARENA_MAX=2 stops glibc from keeping a malloc
 * arena per thread, each holding on to memory freed after WebAssembly compiles on V8's
 * worker threads (about 65 MB less); MALLOC_MMAP_THRESHOLD_=131072 keeps glibc from raising
 * its threshold after those compiles free their large blocks, so later large blocks are
 * mapped and given back when freed instead of staying in the heap (about 55 MB less).
 */
import { buildApp } from './app.ts';
import { prepareBot } from './bot/run.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createCore } from './core/index.ts';
import { startJobs, type Jobs, type JobsBot } from './jobs/index.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Playground } from './playground/runtime.ts';
import { openDatabase, type Database } from './prisma/client.ts';
import { readMigrationState } from './prisma/migration-state.ts';
import { seedDemoIfEmpty } from './prisma/seed/index.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

/** The database, migrated when embedded; PostgreSQL must be migrated beforehand. */
async function openStartDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config.database, { migrate: config.database.kind === 'pglite' });
  if (database.migrated.length) logger.info({ migrations: database.migrated }, 'database migrated');
  if (database.kind === 'postgres') {
    const state = await readMigrationState(database.db);
    if (state.pending.length || state.failed.length) {
      logger.fatal({ ...state }, 'the database is behind this build: run `npx prisma migrate deploy` (or `npm run db:migrate`) first');
      await database.close();
      process.exit(3);
    }
  }
  if (database.kind === 'pglite' && config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) {
      logger.info('the embedded database was empty: demo data written (run `npm run seed` to see the demo logins)');
      for (const line of seeded.logins) logger.info(`demo login: ${line}`);
    }
  }
  return database;
}

/** The bots whose outbox the sender serves: the configured messenger's and the playground's. */
function jobBotsOf(config: Config, playground: Playground | null): JobsBot[] {
  const bots: JobsBot[] = [];
  if (config.bot.token) {
    const { platform } = config.bot;
    bots.push({ platform: platform.platform, token: config.bot.token, apiRoot: platform.apiRoot });
  }
  if (playground) bots.push({ platform: 'PLAYGROUND', token: playground.token, apiRoot: playground.platform.apiRoot, fetch: playground.api.fetch });
  return bots;
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const startedAt = performance.now();
  const database = await openStartDatabase(config, logger);

  const core = createCore({ db: database.db });
  // Without BOT_TOKEN this logs that the bot is not running and returns null.
  const bot = await prepareBot(config.bot, { database, core, logger });
  // The panel's receipt proof view fetches Telegram/Bale photos with the configured bot's token.
  const receiptBots = config.bot.token ? [{ platform: config.bot.platform.platform, token: config.bot.token, apiRoot: config.bot.platform.apiRoot }] : [];
  // The browser playground: a second bot (platform PLAYGROUND) on an in-process Bot API.
  let playground: Playground | null = null;
  if (config.playground.enabled) {
    const { createPlayground } = await import('./playground/runtime.ts');
    playground = createPlayground({ database, core, logger });
    logger.info({ loginRequired: config.playground.loginRequired }, 'playground on: /playground');
  }
  const app = await buildApp({
    database,
    logger,
    core,
    admin: config.admin,
    botWebhook: bot?.webhook ?? null,
    receiptFiles: { bots: receiptBots },
    playground: playground ? { playground, settings: config.playground } : null,
  });
  let jobs: Jobs | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await bot?.stop();
    await jobs?.stop();
    await playground?.idle();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  logger.info(
    { database: database.kind, ms: Math.round(performance.now() - startedAt) },
    `ready: http://${config.host}:${config.port}/health`,
  );
  await bot?.start();
  // The outbox sender and the reminders run wherever a bot is configured (even if its API
  // was unreachable just now: the sender retries), the playground's bot included; see jobs/index.ts.
  const jobBots = jobBotsOf(config, playground);
  if (jobBots.length && config.jobs.enabled) {
    try {
      jobs = await startJobs({
        database,
        core,
        logger,
        bots: jobBots,
        bossConnectionString: config.database.kind === 'postgres' ? config.database.url : undefined,
        limits: { [config.bot.platform.platform]: config.jobs.limits },
        reminders: config.jobs.reminders,
        tickCron: config.jobs.tickCron,
      });
      logger.info({ tick: config.jobs.tickCron, quietHours: config.jobs.reminders.quietHours }, 'outbox sender and reminders running');
    } catch (err) {
      // The panel and the bot keep working; queued notifications wait for the next start.
      logger.error({ err }, 'the outbox sender and reminders could not start');
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
