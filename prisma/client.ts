/**
 * Opens the one database of the app: PostgreSQL when a URL is given, else the
 * embedded PGlite in a data folder, migrated on open. Both are reached through
 * the same Prisma client, so nothing above this file knows which it is.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client/client.ts';
import { pgliteMigrationAdapter, pgMigrationAdapter, poolConfigFromUrl } from './engine/adapters.ts';
import { applyPendingMigrations } from './engine/schema-engine.ts';
import { finishInterruptedRestore } from './backup/restore-backup.ts';
import { takeBackup, type BackupSettings } from './backup/take-backup.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { BEHIND_THIS_BUILD, isMigrated, migrationNames, readMigrationState } from './migration-state.ts';
import { copyPgliteTemplate, ensurePgliteTemplate, isFreshDataDir } from './pglite-template.ts';

export { PrismaClient };
export type Db = InstanceType<typeof PrismaClient>;

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** The embedded instance, for tools that share its single connection (pg-boss, dumps). */
  pglite?: PGlite;
  /** PostgreSQL's connection pool, shared with the Prisma client (the bot's update frames use it directly). */
  pool?: pg.Pool;
  /** Names of migrations applied while opening. */
  migrated: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations on open (always on for the embedded database). */
  migrate?: boolean;
  /**
   * Embedded database: called before pending migrations are applied to a database that has
   * some already (not a new one), to back it up (main.ts and scripts/migrate.ts).
   */
  beforeMigrating?: (pglite: PGlite) => Promise<unknown>;
  /**
   * Embedded database: a new data folder starts as a copy of this template folder (one made
   * from the migrated template, e.g. with the demo written: seed/demo-template.ts).
   */
  template?: string;
}

/**
 * The embedded server's postgresql.conf, which PGlite writes into the data folder on every
 * open (tools that open the folder without it read the server's). What PostgreSQL touches in
 * PGlite's WebAssembly memory stays resident for the process's life (that memory never
 * shrinks), so each setting below is a high-water mark of the server's memory.
 * - shared_buffers 8MB: PostgreSQL's default 128 MB are all touched when the server starts; the
 *   embedded database is one small office's data with the operating system's file cache behind
 *   it, which PGlite reads from at the cost of a copy. Resident part of the WebAssembly memory
 *   on a copy of the demo, opened and queried as the panel's lists and the reports do: 147 MB
 *   at 128MB, 45 MB at 32MB, 29 MB at 16MB, 19 MB at 8MB; with bench 6 (`npm start` after panel
 *   and playground load) 128 MB to 32 MB took about 100 MB off, 32 MB to 8 MB another 30-45 MB,
 *   start-up and list pages as fast. On 300 MB of data (190,000 donations, 410,000 audit rows)
 *   core's reports and the panel's list pages answered as fast as at 32MB, within a loaded
 *   machine's noise: a scan of a large table goes through a ring of 256 kB whatever the size.
 *   wal_buffers follows it (1/32: 256 kB).
 * - maintenance_work_mem 16MB (default 64MB): a migration's CREATE INDEX on a grown table sorts
 *   in up to that much, which then stays resident: an index on the 410,000 audit rows left
 *   39 MB more at 64MB, 20 MB more at 16MB (and took 2.0 s, against 2.9 s).
 * work_mem (4MB) and temp_buffers (8MB, temporary tables only) stay: taken as a query needs
 * them, under 2 MB for the reports above. PGlite's initialMemory stays at its default: its
 * 128 MB is the module's minimum (a smaller one fails to link) and pages never touched are not
 * resident.
 */
const EMBEDDED_POSTGRES_CONF = ['shared_buffers = 8MB', 'maintenance_work_mem = 16MB'];

/**
 * Prisma's other error formats capture a stack trace (`new Error()`) on every query, to
 * point at the calling line if it fails: measured as the largest single cost of its client
 * on the bot's hot path. Errors keep their message and code; logs carry the stack.
 */
export const PRISMA_CLIENT_OPTIONS = { errorFormat: 'minimal' } as const;

/**
 * Every named statement stays prepared on every connection (and its name in the map) for the
 * process's life. Prisma's shapes are a fixed set, except that an `IN (…)` list makes one text
 * per length: past `max`, new texts go unnamed (parsed each time, as without names).
 */
export function preparedStatementNames(max: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= max) return '';
      name = `prisma_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * adapter-pg's option to name each statement: pg then prepares a statement once per
 * connection and afterwards only binds and executes it, sparing PostgreSQL the parsing and
 * planning of the bot's dozen statements per update. The name must follow from the text
 * (pg refuses one name for two texts); '' leaves a statement unnamed. One namer for the
 * process: every client's connections share the same names.
 */
export const PG_ADAPTER_OPTIONS = { statementNameGenerator: preparedStatementNames(500) };

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    // A waiting caller gets an error after a minute instead of hanging when every connection is held.
    const pool = new pg.Pool({ ...poolConfigFromUrl(config.url), max: config.poolSize ?? 10, connectionTimeoutMillis: 60_000 });
    // An idle connection the server closed (restart, failover) is dropped by the pool and
    // replaced on next use; unhandled, its 'error' event would end the process.
    pool.on('error', () => {});
    const db = new PrismaClient({ ...PRISMA_CLIENT_OPTIONS, adapter: new PrismaPg(pool, { ...PG_ADAPTER_OPTIONS, disposeExternalPool: true }) });
    const migrated = options.migrate ? await migrateIfPending(db, () => pgMigrationAdapter(config.url)) : [];
    return { db, kind: 'postgres', pool, migrated, close: () => db.$disconnect() };
  }

  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    if (config.dataDir) finishInterruptedRestore(config.dataDir);
    // A new data folder starts as a copy of the migrated template (see pglite-template.ts);
    // with nowhere to keep one, PGlite creates the cluster here and every migration runs.
    const fresh = config.dataDir !== undefined && !config.loadDataDir && options.migrate !== false && isFreshDataDir(config.dataDir);
    const template = fresh ? (options.template ?? (await ensurePgliteTemplate())) : null;
    if (template) copyPgliteTemplate(template, config.dataDir!);
    const pglite = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir,
      postgresqlconf: EMBEDDED_POSTGRES_CONF,
    });
    const db = new PrismaClient({ ...PRISMA_CLIENT_OPTIONS, adapter: new PrismaPGlite(pglite) });
    const beforeMigrating = options.beforeMigrating && (() => options.beforeMigrating!(pglite));
    const applied = options.migrate === false ? [] : await migrateIfPending(db, () => pgliteMigrationAdapter(pglite), beforeMigrating);
    // From the template, every migration was applied to this folder as it was made.
    const migrated = template ? migrationNames() : applied;
    return {
      db,
      kind: 'pglite',
      pglite,
      migrated,
      async close() {
        await db.$disconnect();
        await pglite.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/**
 * For the command-line tools (seed, create-admin): the configured database, migrated when
 * embedded, and backed up first as the server does when it holds data (a tool run after an
 * update is the same step as a start after one); a PostgreSQL one must be migrated beforehand
 * and is refused in words otherwise.
 */
export async function openToolDatabase(config: DatabaseConfig, backups: BackupSettings): Promise<Database> {
  const database = await openDatabase(config, {
    migrate: config.kind === 'pglite',
    beforeMigrating: (pglite) => takeBackup(pglite, backups, 'before-migration'),
  });
  if (database.kind === 'postgres' && !(await isMigrated(database.db))) {
    await database.close();
    throw new Error(BEHIND_THIS_BUILD);
  }
  return database;
}

/** Loads the schema engine only when there is something to apply: it costs a second. */
async function migrateIfPending(
  db: Db,
  adapter: () => Parameters<typeof applyPendingMigrations>[0],
  beforeMigrating?: () => Promise<unknown>,
): Promise<string[]> {
  const state = await readMigrationState(db);
  if (state.pending.length === 0 && state.failed.length === 0) return [];
  if (state.applied > 0) await beforeMigrating?.();
  return applyPendingMigrations(adapter());
}
