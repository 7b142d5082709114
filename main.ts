/**
 * `npm start`: config -> database (migrated, demo data when embedded and empty) -> core, the
 * bot and the playground -> the HTTP app (app.ts) -> listen -> the embedded database's backups
 * -> the bot's polling, the outbox sender and the reminders -> where to go (logReady). With
 * the embedded database everything runs in this one process.
 *
 * npm start (and the Docker image) run node with two memory settings, measured on a warm
 * server after panel and playground load (bench/startup.ts): --max-semi-space-size=8 keeps
 * V8's young generation at 8 MB a half instead of letting it grow to 64 MB (about 95 MB less
 * resident; requests allocate little); MALLOC_ARENA_MAX=2 stops glibc from keeping a malloc
 * arena per thread, each holding on to memory freed after WebAssembly compiles on V8's
 * worker threads (about 65 MB less); MALLOC_MMAP_THRESHOLD_=131072 keeps glibc from raising
 * its threshold after those compiles free their large blocks, so later large blocks are
 * mapped and given back when freed instead of staying in the heap (about 55 MB less);
 * --liftoff-only keeps WebAssembly (PGlite's engine, Prisma's query compiler) in V8's baseline
 * compiler, without optimising its hot functions again on background threads (about 40 MB less
 * and a faster start; measured on 2026-12-06, no difference above the noise in the CPU of
 * bench 2's conversations or of list queries on the embedded database).
 */
import path from 'node:path';
import type { PosterBot } from './admin/poster/poster-page.ts';
import { buildApp } from './app.ts';
import { prepareBot, type RunningBot } from './bot/run.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createCore } from './core/index.ts';
import { startJobs, type Jobs, type JobsBot } from './jobs/index.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Playground } from './playground/runtime.ts';
import { backupChannelPath, serveBackupChannel, type BackupChannel } from './prisma/backup/backup-channel.ts';
import { scheduleDailyBackups, type DailyBackups } from './prisma/backup/daily-backups.ts';
import { backupQueue, takeBackup } from './prisma/backup/take-backup.ts';
import { openDatabase, type Database } from './prisma/client.ts';
import { BEHIND_THIS_BUILD, readMigrationState } from './prisma/migration-state.ts';
import { isFreshDataDir } from './prisma/pglite-template.ts';
import { demoLoginLines, findRecentDemoTemplate, seedDemoIfEmpty } from './seed/index.ts';

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

/**
 * The database, migrated when embedded (backed up first when it had data: prisma/backup/);
 * PostgreSQL must be migrated beforehand. Returns the demo logins when it wrote the demo.
 */
async function openStartDatabase(config: Config, logger: Logger): Promise<{ database: Database; demoLogins: string[] }> {
  const embedded = config.database.kind === 'pglite';
  // A new data folder within a week of the day `npm install` wrote the demo ahead of time: copied, not written (seed/demo-template.ts).
  const demoTemplate = config.database.kind === 'pglite' && config.seedDemo && isFreshDataDir(config.database.dataDir) ? findRecentDemoTemplate() : null;
  const database = await openDatabase(config.database, {
    migrate: embedded,
    beforeMigrating: async (pglite) => logger.info({ file: await takeBackup(pglite, config.backups, 'before-migration') }, 'backup taken before migrating'),
    template: demoTemplate ?? undefined,
  });
  if (database.migrated.length) logger.info({ migrations: database.migrated }, 'database migrated');
  if (database.kind === 'postgres') {
    const state = await readMigrationState(database.db);
    if (state.pending.length || state.failed.length) {
      logger.fatal({ ...state }, BEHIND_THIS_BUILD);
      await database.close();
      process.exit(3);
    }
  }
  if (demoTemplate) {
    logger.info({ template: path.basename(demoTemplate) }, 'the embedded database was new: demo data written (copied from the one `npm install` prepared, dated by its name)');
    return { database, demoLogins: await demoLoginLines(database.db) };
  }
  const seeded = database.kind === 'pglite' && config.seedDemo ? await seedDemoIfEmpty(database.db) : null;
  if (seeded) logger.info('the embedded database was empty: demo data written');
  return { database, demoLogins: seeded?.logins ?? [] };
}

/**
 * What a person starting the server needs, once it is ready: where to go, the demo logins
 * when the demo was just written, where the data lives. In development one block of text; in
 * production the same as JSON fields (log collectors read those), the logins one per line.
 */
function logReady(config: Config, logger: Logger, ready: { database: Database; demoLogins: string[]; playground: boolean; ms: number }): void {
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${host}:${config.port}`;
  const data =
    config.database.kind === 'pglite'
      ? `${config.database.dataDir} (backups: ${config.backups.dir}${config.backups.daily ? `, daily, the newest ${config.backups.keep} kept` : ', none taken by the server'})`
      : 'PostgreSQL (DATABASE_URL)';
  if (config.env !== 'development') {
    logger.info({ database: ready.database.kind, ms: ready.ms, data }, `ready: ${origin}/health`);
    for (const line of ready.demoLogins) logger.info(`demo login: ${line}`);
    return;
  }
  const rows: [string, string][] = [
    ['panel', `${origin}/admin`],
    ...(ready.playground ? [['playground', `${origin}/playground`] as [string, string]] : []),
    ...ready.demoLogins.map((line, i): [string, string] => [i === 0 ? 'demo logins' : '', line]),
    ['data', data],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  logger.info([`ready in ${(ready.ms / 1000).toFixed(1)} s`, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n'));
}

/**
 * The embedded database's backups taken by the server, which owns it: daily, and on request
 * from `npm run backup` over a socket beside the data folder (prisma/backup/backup-channel.ts).
 */
async function startBackups(config: Config, database: Database, logger: Logger): Promise<{ channel: BackupChannel | null; daily: DailyBackups | null }> {
  if (config.database.kind !== 'pglite' || !database.pglite) return { channel: null, daily: null };
  const take = backupQueue(database.pglite, config.backups);
  const socketPath = backupChannelPath(config.database.dataDir);
  let channel: BackupChannel | null = null;
  try {
    channel = await serveBackupChannel(socketPath, async () => {
      const file = await take('manual');
      logger.info({ file }, 'backup taken on request');
      return file;
    });
    if (!channel) logger.warn({ socketPath }, '`npm run backup` cannot reach this server: the data folder\'s path is too long for a socket');
  } catch (err) {
    logger.warn({ err, socketPath }, '`npm run backup` cannot reach this server: its socket could not be opened');
  }
  const daily = config.backups.daily
    ? scheduleDailyBackups({
        dir: config.backups.dir,
        takeBackup: () => take('daily'),
        onBackup: (file) => logger.info({ file }, 'daily backup taken'),
        onError: (err) => logger.error({ err }, 'the daily backup failed'),
      })
    : null;
  return { channel, daily };
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

/**
 * The bots a center's poster links to: those whose usernames are configured, and the bot this
 * process runs under its own username (its getMe at start) when its messenger's is not.
 */
function posterBotsOf(config: Config, bot: RunningBot | null): PosterBot[] {
  const usernames = { ...config.bot.usernames };
  const running = config.bot.platform.platform;
  if (bot && running !== 'PLAYGROUND') usernames[running] ??= bot.bot.botInfo.username;
  return (['BALE', 'TELEGRAM'] as const).flatMap((platform) => {
    const username = usernames[platform];
    return username ? [{ platform, username }] : [];
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const startedAt = performance.now();
  const { database, demoLogins } = await openStartDatabase(config, logger);

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
    if (config.env !== 'development') logger.info({ loginRequired: config.playground.loginRequired }, 'playground on: /playground');
  }
  const app = await buildApp({
    database,
    logger,
    logRequests: config.logRequests,
    core,
    admin: config.admin,
    botWebhook: bot?.webhook ?? null,
    receiptFiles: { bots: receiptBots },
    posterBots: posterBotsOf(config, bot),
    playground: playground ? { playground, settings: config.playground } : null,
  });
  let jobs: Jobs | null = null;
  let backups: Awaited<ReturnType<typeof startBackups>> | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await bot?.stop();
    await jobs?.stop();
    await playground?.idle();
    await app.close();
    await backups?.daily?.stop();
    await backups?.channel?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const readyMs = Math.round(performance.now() - startedAt);
  backups = await startBackups(config, database, logger);
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
  // Last, so that in development the block ends the start's output.
  logReady(config, logger, { database, demoLogins, playground: playground !== null, ms: readyMs });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
