/**
 * pg-boss on the app's own database: on the embedded PGlite it shares the
 * instance the Prisma adapter wraps (one connection: keep transactions short,
 * and never call boss.send() without `db` inside a Prisma interactive
 * transaction — it would wait on that connection until the transaction times
 * out); on PostgreSQL it has its own small pool (LISTEN/NOTIFY on). Its tables
 * live in their own schema, out of Prisma's way.
 */
import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../prisma/client.ts';

export const BOSS_SCHEMA = 'pgboss';

export interface BossOptions {
  database: Database;
  /** PostgreSQL only: pg-boss's own connection (the app's DATABASE_URL). */
  connectionString?: string;
  /**
   * How often pg-boss looks for a schedule come due and forwards it to its queue, in seconds
   * (1–45; unset: pg-boss's 30 and 5). Tests shorten it to watch a tick come by itself.
   */
  scheduleCheckSeconds?: number;
}

export function createBoss(o: BossOptions): PgBoss {
  const check = o.scheduleCheckSeconds === undefined ? {} : { cronMonitorIntervalSeconds: o.scheduleCheckSeconds, cronWorkerIntervalSeconds: o.scheduleCheckSeconds };
  if (o.database.kind === 'pglite') {
    if (!o.database.pglite) throw new Error('the embedded database did not expose its PGlite instance');
    return new PgBoss({ db: fromPglite(o.database.pglite), backend: 'pglite', schema: BOSS_SCHEMA, ...check });
  }
  if (!o.connectionString) throw new Error('pg-boss on PostgreSQL needs a connection string');
  return new PgBoss({ connectionString: o.connectionString, schema: BOSS_SCHEMA, max: 3, useListenNotify: true, application_name: 'imdad-jobs', ...check });
}
