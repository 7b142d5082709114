/**
 * Benchmarks run on PostgreSQL (BENCH_DATABASE_URL, default the local server): each one
 * gets a new database, migrated with the app's own engine, dropped at the end.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { poolConfigFromUrl } from '../../prisma/engine/adapters.ts';

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase extends Database {
  /** The database's own URL (for `pg` baselines and child processes). */
  url: string;
  name: string;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A pg pool for a baseline. pool.end() resolves once it has asked each connection to close,
 * not once they have closed: a connection still closing when its database is dropped (WITH
 * FORCE, right after a benchmark) hears "terminating connection", which unhandled would end
 * the whole run.
 */
export function openBenchPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ ...poolConfigFromUrl(url), max });
  pool.on('error', () => {});
  return pool;
}

export async function createBenchDatabase(label: string, options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  const name = `imdad_bench_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ ...poolConfigFromUrl(BENCH_SERVER_URL), database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: options.poolSize ?? 20 }, { migrate: true });
  let dropped = false;
  return {
    ...database,
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.close();
      const a = new pg.Client({ ...poolConfigFromUrl(BENCH_SERVER_URL), database: 'postgres' });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
