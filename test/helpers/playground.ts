/**
 * The real app (panel + playground) listening on 127.0.0.1:0, with the
 * playground's bot and the outbox sender for PLAYGROUND running, so a panel
 * confirmation reaches the page. Demo data (seed/demo.ts) is written
 * first when the database has none: the identities need demo donors,
 * volunteers and trustees.
 *
 *   const server = await startPlaygroundServer({ database });
 *   await fetch(`${server.url}/playground/api/state`);
 *   await server.close();            // the database stays open (its owner closes it)
 */
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../app.ts';
import type { AdminSettings } from '../../http/settings.ts';
import { createCore, type Core } from '../../core/index.ts';
import { startJobs, type Jobs } from '../../jobs/index.ts';
import { createLogger } from '../../logger.ts';
import { createPlayground, type Playground } from '../../playground/runtime.ts';
import type { PlaygroundSettings } from '../../playground/settings.ts';
import type { Database } from '../../prisma/client.ts';
import { seedDemo } from '../../seed/demo.ts';
import { TEST_SESSION_SECRET } from './admin.ts';
import { createTestDatabase, openedInBeforeAll, testDbKind } from './db.ts';

export interface PlaygroundServerOptions {
  database: Database;
  core?: Core;
  /** Default: enabled, no login (the embedded demo). */
  settings?: Partial<PlaygroundSettings>;
  admin?: Partial<AdminSettings>;
  /** Start the outbox sender (default true). */
  jobs?: boolean;
  /** Seed the demo data when the database has no demo center (default true). */
  seed?: boolean;
}

export interface PlaygroundServer {
  /** http://127.0.0.1:<port> */
  url: string;
  app: FastifyInstance;
  playground: Playground;
  core: Core;
  jobs: Jobs | null;
  close(): Promise<void>;
}

/** pg-boss's own connection on PostgreSQL: the test database's URL. */
async function bossConnectionString(database: Database): Promise<string | undefined> {
  if (testDbKind() !== 'postgres') return undefined;
  const spec = inject('testDb');
  if (spec.kind !== 'postgres') return undefined;
  const [row] = await database.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(spec.url);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

export async function ensureDemoData(database: Database): Promise<void> {
  const demoCenter = await database.db.center.findFirst({ where: { id: { startsWith: 'demo_' } }, select: { id: true } });
  if (!demoCenter) await seedDemo(database.db, { force: true });
}

export async function startPlaygroundServer(options: PlaygroundServerOptions): Promise<PlaygroundServer> {
  const { database } = options;
  if (options.seed !== false) await ensureDemoData(database);
  const logger = createLogger({ env: 'test', logLevel: process.env.PLAYGROUND_TEST_LOG ?? 'silent' });
  const core = options.core ?? createCore({ db: database.db });
  const playground = createPlayground({ database, core, logger });
  const settings: PlaygroundSettings = { enabled: true, loginRequired: false, ...options.settings };
  const app = await buildApp({
    database,
    logger,
    core,
    admin: { sessionSecret: TEST_SESSION_SECRET, ...options.admin },
    playground: settings.enabled ? { playground, settings } : null,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let jobs: Jobs | null = null;
  if (options.jobs !== false) {
    jobs = await startJobs({
      database,
      core,
      logger,
      bots: [{ platform: 'PLAYGROUND', token: playground.token, apiRoot: playground.platform.apiRoot, fetch: playground.api.fetch }],
      bossConnectionString: await bossConnectionString(database),
      // Quiet hours off: a confirmation is sent whatever the hour the test runs at.
      reminders: { quietHours: { startHour: 0, endHour: 0 } },
    });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    app,
    playground,
    core,
    jobs,
    async close() {
      await jobs?.stop();
      await app.close();
      await playground.idle();
    },
  };
}

/**
 * For one test file: a fresh database (the demo in it) and the playground server over it,
 * started in beforeAll and closed after the file; read them in hooks and tests.
 */
export function usePlaygroundServer(options: Omit<PlaygroundServerOptions, 'database'> = {}): { readonly database: Database; readonly server: PlaygroundServer } {
  const open = openedInBeforeAll(
    'usePlaygroundServer: the server',
    async () => {
      const database = await createTestDatabase();
      return { database, server: await startPlaygroundServer({ ...options, database }) };
    },
    async ({ database, server }) => {
      await server.close();
      await database.close();
    },
    // The demo is written into the fresh database first.
    180_000,
  );
  return {
    get database() { return open().database; },
    get server() { return open().server; },
  };
}
