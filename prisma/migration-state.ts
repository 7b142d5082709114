/**
 * Which migrations of prisma/migrations the database has applied, read with
 * one query (cheap enough for /health and for every start).
 */
import { readdirSync } from 'node:fs';
import { migrationsDir } from './engine/schema-engine.ts';

export interface MigrationState {
  applied: number;
  pending: string[];
  failed: string[];
}

interface Queryable {
  $queryRawUnsafe<T = unknown>(sql: string): Promise<T>;
}

export function migrationNames(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function readMigrationState(db: Queryable, known = migrationNames()): Promise<MigrationState> {
  const [{ exists }] = await db.$queryRawUnsafe<[{ exists: boolean }]>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  );
  const rows = exists
    ? await db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
        `SELECT migration_name, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
      )
    : [];
  const done = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
  return {
    applied: done.size,
    pending: known.filter((n) => !done.has(n)),
    failed: rows.filter((r) => !r.finished_at).map((r) => r.migration_name),
  };
}

/** What someone whose PostgreSQL database lacks this build's migrations is told to do. */
export const BEHIND_THIS_BUILD = 'the database is behind this build: run `npx prisma migrate deploy` (or `npm run db:migrate`) first';

/** Whether the database has every migration of this build applied, none failed. */
export async function isMigrated(db: Queryable): Promise<boolean> {
  const state = await readMigrationState(db);
  return state.pending.length === 0 && state.failed.length === 0;
}
