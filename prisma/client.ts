/**
 * Opens the one database of the app: PostgreSQL when a URL is given, else the
 * embedded PGlite in a data folder, migrated on open. Both are reached through
 * the same Prisma client, so nothing above this file knows which it is.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client/client.ts';
import { pgliteMigrationAdapter, pgMigrationAdapter, poolConfigFromUrl } from './engine/adapters.ts';
import { applyPendingMigrations } from './engine/schema-engine.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrationNames, readMigrationState } from './migration-state.ts';
import { isFreshDataDir, readPgliteTemplate, writePgliteTemplate } from './pglite-template.ts';

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
  /** Names of migrations applied while opening. */
  migrated: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations on open (always on for the embedded database). */
  migrate?: boolean;
}

/**
 * PostgreSQL's default 128 MB of shared buffers are all touched when the embedded server
 * starts, a third of the app's resident memory; the embedded database is one small office's
 * data with the operating system's file cache behind it (measured: about 100 MB less RSS).
 */
const EMBEDDED_POSTGRES_CONF = 'shared_buffers = 32MB';

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = { ...poolConfigFromUrl(config.url), max: config.poolSize ?? 10 };
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    const migrated = options.migrate ? await migrateIfPending(db, () => pgMigrationAdapter(config.url)) : [];
    return { db, kind: 'postgres', migrated, close: () => db.$disconnect() };
  }

  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    // A new data folder starts from the migrated template when there is one (see pglite-template.ts).
    const fresh = config.dataDir !== undefined && !config.loadDataDir && options.migrate !== false && isFreshDataDir(config.dataDir);
    const template = fresh ? await readPgliteTemplate() : null;
    const pglite = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir ?? template ?? undefined,
      postgresqlconf: EMBEDDED_POSTGRES_CONF,
    });
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const applied = options.migrate === false ? [] : await migrateIfPending(db, () => pgliteMigrationAdapter(pglite));
    // From the template, every migration was applied to this folder as it was made.
    const migrated = template ? migrationNames() : applied;
    if (fresh && !template) await writePgliteTemplate(pglite).catch(() => false);
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

/** Loads the schema engine only when there is something to apply: it costs a second. */
async function migrateIfPending(db: Db, adapter: () => Parameters<typeof applyPendingMigrations>[0]): Promise<string[]> {
  const state = await readMigrationState(db);
  if (state.pending.length === 0 && state.failed.length === 0) return [];
  return applyPendingMigrations(adapter());
}
