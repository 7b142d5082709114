/**
 * Run by bench/lib/memory-by-part.ts with `npm start`'s node flags and environment plus
 * --expose-gc: loads the server's parts one after the other, in main.ts's order and as
 * main.ts and app.ts build them, and prints a line `part {json}` of the process's memory after
 * each. Then it listens and, on SIGUSR2 (sent once the benchmark has driven its load), prints
 * one more. Each part's figure is what it adds to what came before: modules two parts share
 * count for the first that loads them.
 *
 * Only node's own modules are imported statically, so that the first reading is node alone.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Jobs } from '../../jobs/index.ts';
import { procKb } from './proc.ts';

export interface PartReading {
  part: string;
  rssMb: number;
  /** The highest resident memory so far (VmHWM): the start's peak, higher than where it settles. */
  peakMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Resident pages backed by files (node's binary, libraries) and anonymous ones (all that is allocated). */
  fileBackedMb: number;
  anonymousMb: number;
  /** Milliseconds waited for the resident memory to settle. */
  settleMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const SAMPLE_MS = 250;
const STEADY_SAMPLES = 6;
const SETTLE_LIMIT_MS = 30_000;

/**
 * Waits until the resident memory has stayed within 1 MB for 1.5 s, so that a part is not
 * charged for work still under way on V8's worker threads: without --liftoff-only, opening the
 * embedded database is followed by seconds of compiling PGlite's WebAssembly again with the
 * optimizing tier, which took the process to ~765 MB before giving the memory back.
 */
async function settle(): Promise<number> {
  const t0 = performance.now();
  const samples: number[] = [];
  for (;;) {
    samples.push(process.memoryUsage.rss() / 1048576);
    const last = samples.slice(-STEADY_SAMPLES);
    if (last.length === STEADY_SAMPLES && Math.max(...last) - Math.min(...last) <= 1) break;
    if (performance.now() - t0 > SETTLE_LIMIT_MS) break;
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  return Math.round(performance.now() - t0);
}

/** Two full collections first (--expose-gc): what is left is what the part keeps, not its garbage. */
async function reading(part: string): Promise<void> {
  const settleMs = await settle();
  globalThis.gc?.();
  globalThis.gc?.();
  const u = process.memoryUsage();
  const rssKb = procKb('/proc/self/smaps_rollup', 'Rss');
  const anonymousKb = procKb('/proc/self/smaps_rollup', 'Anonymous');
  const r: PartReading = {
    part,
    rssMb: mb(u.rss),
    peakMb: mb(procKb('/proc/self/status', 'VmHWM') * 1024),
    heapUsedMb: mb(u.heapUsed),
    heapTotalMb: mb(u.heapTotal),
    externalMb: mb(u.external),
    arrayBuffersMb: mb(u.arrayBuffers),
    fileBackedMb: mb((rssKb - anonymousKb) * 1024),
    anonymousMb: mb(anonymousKb * 1024),
    settleMs,
  };
  process.stdout.write(`part ${JSON.stringify(r)}\n`);
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const load = <T>(file: string): Promise<T> => import(path.join(ROOT, file)) as Promise<T>;

async function main(): Promise<void> {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  await reading('node alone');

  const { loadConfig } = await load<typeof import('../../config.ts')>('config.ts');
  const { createLogger } = await load<typeof import('../../logger.ts')>('logger.ts');
  const config: Config = loadConfig();
  if (config.database.kind !== 'pglite') throw new Error('the parts are measured on the embedded database (DATABASE_URL unset)');
  const logger = createLogger(config);
  await reading('config and logger');

  const { openDatabase } = await load<typeof import('../../prisma/client.ts')>('prisma/client.ts');
  await reading('Prisma client and PGlite, imported');

  // Before the demo seed, which imports much of it.
  const { createCore } = await load<typeof import('../../core/index.ts')>('core/index.ts');
  await reading('core, imported');

  // main.ts's openStartDatabase on a new folder: a copy of the demo `npm install` prepared.
  const { findRecentDemoTemplate } = await load<typeof import('../../seed/index.ts')>('seed/index.ts');
  const template = findRecentDemoTemplate();
  if (!template) throw new Error("no demo template: bench 6 makes today's first");
  const database = await openDatabase(config.database, { migrate: true, template });
  // The core over it: closures over the client, nothing held.
  const core = createCore({ db: database.db });
  await reading('embedded database opened (a copy of the demo data)');

  // main.ts imports bot/run.ts whether or not BOT_TOKEN is set; without it prepareBot returns null.
  const { prepareBot } = await load<typeof import('../../bot/run.ts')>('bot/run.ts');
  const bot = await prepareBot(config.bot, { database, core, logger });
  await reading(bot ? 'the bot' : "the bot's code (no BOT_TOKEN)");

  const { buildApp } = await load<typeof import('../../app.ts')>('app.ts');
  // One secret for both, as app.ts gives the panel's to the playground.
  const admin = { ...config.admin, sessionSecret: config.admin.sessionSecret ?? randomBytes(32).toString('base64url') };
  await reading('Fastify (app.ts imported)');
  const app = await buildApp({ database, logger, logRequests: config.logRequests, core, admin, botWebhook: bot?.webhook ?? null, receiptFiles: { bots: [] }, posterBots: [] });
  await reading('admin panel (AdminJS, server side)');

  if (!config.playground.enabled) throw new Error('the playground is off (PLAYGROUND=0?)');
  const { createPlayground } = await load<typeof import('../../playground/runtime.ts')>('playground/runtime.ts');
  const { playgroundRoutes } = await load<typeof import('../../playground/plugin.ts')>('playground/plugin.ts');
  const { defaultAdminSettings } = await load<typeof import('../../http/settings.ts')>('http/settings.ts');
  const playground = createPlayground({ database, core, logger });
  await app.register(playgroundRoutes, { playground, settings: config.playground, admin: { ...defaultAdminSettings, ...admin } });
  await app.ready();
  await reading('playground');

  // main.ts starts these once listening (unless JOBS_ENABLED=0), for the playground's bot when no other is configured.
  const { startJobs } = await load<typeof import('../../jobs/index.ts')>('jobs/index.ts');
  if (!config.jobs.enabled) throw new Error('the outbox sender and reminders are off (JOBS_ENABLED=0?)');
  const jobs: Jobs = await startJobs({
    database,
    core,
    logger,
    bots: [{ platform: 'PLAYGROUND', token: playground.token, apiRoot: playground.platform.apiRoot, fetch: playground.api.fetch }],
    limits: { [config.bot.platform.platform]: config.jobs.limits },
    reminders: config.jobs.reminders,
    tickCron: config.jobs.tickCron,
  });
  await reading('outbox sender and reminders (pg-boss)');

  await app.listen({ host: config.host, port: config.port });
  process.stdout.write('listening\n');
  process.on('SIGUSR2', () => void reading('after the load'));
  process.once('SIGTERM', () => {
    void (async () => {
      await jobs.stop();
      await playground.idle();
      await app.close();
      await database.close();
      process.exit(0);
    })();
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
