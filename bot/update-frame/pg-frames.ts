/**
 * Update frames straight on PostgreSQL connections. An update is a dozen short
 * statements, and Prisma's interactive transaction plus its per-statement client work
 * cost several times the CPU of the statements themselves (bench/bot-intake.ts); here
 * BEGIN, COMMIT and the bot's bookkeeping go to `pg` directly, while core's use-cases
 * keep Prisma: their client sends each statement to the connection of the frame it was
 * called in (found through AsyncLocalStorage), so it joins the same transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Tx } from '../../core/context.ts';
import { Prisma } from '../../prisma/generated/client/client.ts';
import { PG_ADAPTER_OPTIONS, PRISMA_CLIENT_OPTIONS, PrismaClient, type Db } from '../../prisma/client.ts';
import { FRAME_LIMITS, FrameTimeoutError, type UpdateFrame, type UpdateFrames } from './frame.ts';

interface OpenFrame {
  client: pg.PoolClient;
  /** Committed, rolled back or timed out: nothing more may be sent in it. */
  closed: boolean;
  timedOut: boolean;
}

const openFrames = new AsyncLocalStorage<OpenFrame>();

function connectionOf(frame: OpenFrame | undefined): pg.PoolClient {
  if (!frame) throw new Error('a statement for an update frame was sent outside of one');
  if (frame.timedOut) throw new FrameTimeoutError();
  if (frame.closed) throw new Error("a statement was sent after its update's transaction had ended");
  return frame.client;
}

/** What adapter-pg's transactions use of a pooled connection. */
type AdapterConnection = Pick<pg.PoolClient, 'query' | 'on' | 'removeListener' | 'release'>;

let nestedTransactions = 0;

/**
 * Prisma runs an operation of several statements (a nested write) in a transaction of its
 * own, which it asks the adapter's pool for. Inside a frame that is a savepoint on the
 * frame's connection: the operation stays all-or-nothing and cannot end the update's
 * transaction (its COMMIT would).
 */
function savepointConnection(frame: OpenFrame | undefined): AdapterConnection {
  const connection = connectionOf(frame);
  const name = `prisma_${++nestedTransactions}`;
  const asSavepoint: Record<string, string> = {
    BEGIN: `SAVEPOINT ${name}`,
    COMMIT: `RELEASE SAVEPOINT ${name}`,
    ROLLBACK: `ROLLBACK TO SAVEPOINT ${name}`,
  };
  const query = ((config: pg.QueryConfig) => {
    const statement = asSavepoint[config.text];
    // Unnamed: a prepared statement's name belongs to one text, and savepoint names vary.
    return connectionOf(frame).query(statement ? { ...config, name: undefined, text: statement } : config);
  }) as pg.PoolClient['query'];
  return { query, on: () => connection, removeListener: () => connection, release: () => {} };
}

/**
 * A pg.Pool in name only, for adapter-pg: it sends every statement through `query`, which
 * this one hands to the connection of the current frame, and opens no connections.
 */
function frameRoutingPool(): pg.Pool {
  const pool = new pg.Pool({ max: 1 });
  pool.query = ((config: pg.QueryConfig) => connectionOf(openFrames.getStore()).query(config)) as pg.Pool['query'];
  pool.connect = (() => Promise.resolve(savepointConnection(openFrames.getStore()))) as unknown as pg.Pool['connect'];
  return pool;
}

/** Values pg sends exactly as Prisma would (pg writes dates in local time, Prisma in UTC). */
function plainValues(values: readonly unknown[]): values is readonly (string | number | boolean | null)[] {
  return values.every((v) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
}

/**
 * Savepoints and advisory locks (core/context.ts) are statements without results, sent a
 * few times per update; through Prisma's raw-query path each costs more CPU than the
 * database spends on it. On the frame's client they go to the frame's connection directly.
 */
function withDirectPlainStatements(client: Db): Db {
  const viaPrisma = { unsafe: client.$executeRawUnsafe.bind(client), tagged: client.$executeRaw.bind(client) };
  const send = async (text: string, values: readonly (string | number | boolean | null)[]) =>
    (await connectionOf(openFrames.getStore()).query(text, [...values])).rowCount ?? 0;
  const unsafe = (query: string, ...values: unknown[]) => (plainValues(values) ? send(query, values) : viaPrisma.unsafe(query, ...values));
  const tagged = (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : new Prisma.Sql(query, values);
    return plainValues(sql.values) ? send(sql.text, sql.values) : viaPrisma.tagged(sql);
  };
  return Object.assign(client, { $executeRawUnsafe: unsafe, $executeRaw: tagged } as Pick<Db, '$executeRawUnsafe' | '$executeRaw'>);
}

/** One for the process: it holds no connections, only Prisma's compiled query plans. */
let framedClient: Db | undefined;

export function pgFrames(pool: pg.Pool, limits: { timeoutMs: number } = FRAME_LIMITS): UpdateFrames {
  // A PrismaClient offers everything a transaction client does (and the types keep core from the rest).
  const tx: Tx = (framedClient ??= withDirectPlainStatements(
    new PrismaClient({ ...PRISMA_CLIENT_OPTIONS, adapter: new PrismaPg(frameRoutingPool(), PG_ADAPTER_OPTIONS) }),
  ));
  return {
    async run(work) {
      const client = await pool.connect();
      const open: OpenFrame = { client, closed: false, timedOut: false };
      const frame: UpdateFrame = {
        tx,
        query: async (sql, params) => (await connectionOf(open).query(sql, [...params])).rows,
        execute: async (sql, params) => (await connectionOf(open).query(sql, [...params])).rowCount ?? 0,
      };
      // As Prisma's transaction timeout did: roll back and give the connection back at once;
      // the update's work fails at its next statement.
      const timer = setTimeout(() => {
        open.timedOut = open.closed = true;
        void client.query('ROLLBACK').then(() => client.release(), (e: Error) => client.release(e));
      }, limits.timeoutMs);
      timer.unref();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await openFrames.run(open, () => work(frame));
        if (open.timedOut) throw new FrameTimeoutError();
        open.closed = true;
        // A transaction in which a statement failed (and someone caught it) is rolled back by
        // COMMIT without an error; the update must not be reported as done then.
        const commit = await client.query('COMMIT');
        if (commit.command === 'ROLLBACK') throw new Error("the update's transaction had failed and was rolled back");
        return result;
      } catch (error) {
        if (!open.timedOut) {
          open.closed = true;
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        }
        throw error;
      } finally {
        clearTimeout(timer);
        // A connection whose rollback failed is closed rather than handed to the next update.
        if (!open.timedOut) client.release(broken);
      }
    },
  };
}
