/**
 * Row count of a whole table from PostgreSQL's statistics (pg_class.reltuples, kept by
 * autovacuum/ANALYZE) instead of count(*), which reads every row: on 1,000,000 donations
 * an unfiltered list page would otherwise spend most of its time counting. Only for
 * UNFILTERED lists of the WHOLE table (province-wide logins); small or never-analysed
 * tables get null, and the caller counts exactly (cheap there, and exact in tests).
 */
import type { Db } from '../../prisma/client.ts';
import { loadDatamodel } from '../dmmf.ts';

/** Below this, count(*) is fast and an estimate's error would show. */
export const ESTIMATE_ABOVE_ROWS = 100_000;

/** The table of a Prisma model (its @@map name, else the model name). */
function tableOf(model: string): string {
  const m = loadDatamodel().models.find((x) => x.name === model);
  if (!m) throw new Error(`admin panel: no Prisma model named "${model}"`);
  return m.dbName ?? m.name;
}

export async function estimateCount(db: Db, model: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ estimate: number | null }[]>`
    SELECT c.reltuples::float8 AS estimate
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relname = ${tableOf(model)} AND n.nspname = current_schema() AND c.relkind IN ('r', 'p')`;
  const estimate = rows[0]?.estimate;
  if (estimate === null || estimate === undefined || estimate < ESTIMATE_ABOVE_ROWS) return null;
  return Math.round(estimate);
}
