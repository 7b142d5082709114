/**
 * Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm, the
 * same engine version as the CLI), driven through a driver adapter. This is
 * what lets migrations run with no native binary download: the CLI reaches it
 * through ./rpc-server.ts, and the app applies migrations with it on start.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

export type { SchemaEngine };

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const schemaDir = path.join(projectRoot, 'prisma/schema');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels?: [string, string][],
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  // Imported here, not at the top: the module instantiates its 5 MB of WebAssembly when
  // imported, about 11 MB resident for the process's life, which a start with nothing to
  // migrate never uses.
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  return SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

/**
 * Runs `fn` with an engine, then frees it and disposes every connection it
 * opened: freeing the engine alone leaves its pool open, which for example
 * keeps a template database busy.
 */
async function withSchemaEngine<T>(adapterFactory: SqlMigrationAwareDriverAdapterFactory, fn: (e: SchemaEngine) => Promise<T>): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const a = await adapterFactory.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await adapterFactory.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const engine = await openSchemaEngine(tracking);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** The migrations folder in the shape the engine expects (what the CLI would send it). */
export async function loadMigrationList(baseDir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const content = await readFile(path.join(baseDir, dir, 'migration.sql'), 'utf8').then(
          (ok) => ({ tag: 'ok' as const, value: ok }),
          (e: Error) => ({ tag: 'error' as const, value: e.message }),
        );
        return { path: dir, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies every pending migration; returns the names applied now. */
export async function applyPendingMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await loadMigrationList();
  return withSchemaEngine(adapterFactory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}
