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
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import { FRAME_LIMITS, FrameTimeoutError, type BatchResult, type Statement, type UpdateFrame, type UpdateFrames } from './frame.ts';

/** SQLSTATE 25P02: a statement failed earlier in this transaction, which takes no more. */
const ABORTED = '25P02';

interface OpenFrame {
  client: pg.PoolClient;
  /** Committed, rolled back or timed out: nothing more may be sent in it. */
  closed: boolean;
  timedOut: boolean;
  /**
   * The statement sent last. A connection runs one statement at a time and pg is to stop
   * queueing them itself (pg 9), while core may start two at once (Promise.all): they wait
   * here in turn, as they did in Prisma's transaction.
   */
  last: Promise<unknown>;
}

const openFrames = new AsyncLocalStorage<OpenFrame>();

function checkOpen(frame: OpenFrame | undefined): OpenFrame {
  if (!frame) throw new Error('a statement for an update frame was sent outside of one');
  if (frame.timedOut) throw new FrameTimeoutError();
  if (frame.closed) throw new Error("a statement was sent after its update's transaction had ended");
  return frame;
}

/** Sends a statement on the frame's connection after the ones before it; `control` statements (BEGIN …) skip the open check. */
function send<R extends pg.QueryResultRow>(frame: OpenFrame, config: pg.QueryConfig, control = false): Promise<pg.QueryResult<R>> {
  const result = frame.last.then(() => (control ? frame : checkOpen(frame)).client.query<R>(config));
  frame.last = result.catch(() => undefined);
  return result;
}

/**
 * Statements sent as one text (the simple query protocol, which alone takes several at once):
 * one round trip, one system call, where each statement on its own costs both. Parameters
 * become quoted literals; each statement still runs on its own, in order, with its own
 * snapshot (so rows read after the chat's lock see what the chat's last update committed).
 */
export function batchText(client: pg.ClientBase, statements: readonly Statement[]): string {
  const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : client.escapeLiteral(v));
  return statements.map((s) => s.text.replace(/\$(\d+)/g, (_, n: string) => literal(s.values[Number(n) - 1]!))).join(';\n');
}

/** pg answers a text of several statements with one result each, and one of one statement with that result. */
export function resultsOf(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] {
  return Array.isArray(result) ? result : [result];
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
  const open = checkOpen(frame);
  const connection = open.client;
  const name = `prisma_${++nestedTransactions}`;
  const asSavepoint: Record<string, string> = {
    BEGIN: `SAVEPOINT ${name}`,
    COMMIT: `RELEASE SAVEPOINT ${name}`,
    ROLLBACK: `ROLLBACK TO SAVEPOINT ${name}`,
  };
  const query = ((config: pg.QueryConfig) => {
    const statement = asSavepoint[config.text];
    // Unnamed: a prepared statement's name belongs to one text, and savepoint names vary.
    return send(open, statement ? { ...config, name: undefined, text: statement } : config);
  }) as pg.PoolClient['query'];
  return { query, on: () => connection, removeListener: () => connection, release: () => {} };
}

/**
 * A pg.Pool in name only, for adapter-pg: it sends every statement through `query`, which
 * this one hands to the connection of the current frame, and opens no connections.
 */
function frameRoutingPool(): pg.Pool {
  const pool = new pg.Pool({ max: 1 });
  pool.query = ((config: pg.QueryConfig) => send(checkOpen(openFrames.getStore()), config)) as pg.Pool['query'];
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
  const direct = async (text: string, values: readonly (string | number | boolean | null)[]) =>
    (await send(checkOpen(openFrames.getStore()), { text, values: [...values] })).rowCount ?? 0;
  const unsafe = (query: string, ...values: unknown[]) => (plainValues(values) ? direct(query, values) : viaPrisma.unsafe(query, ...values));
  const tagged = (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : new Prisma.Sql(query, values);
    return plainValues(sql.values) ? direct(sql.text, sql.values) : viaPrisma.tagged(sql);
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
    async run(work, opening = []) {
      const client = await pool.connect();
      // A connection cut while no statement runs on it (the update waits on the Bot API) is
      // reported as an event; unheard it would end the process. The next statement fails.
      const onError = () => undefined;
      client.on('error', onError);
      const open: OpenFrame = { client, closed: false, timedOut: false, last: Promise.resolve() };
      const atCommit = new Map<string, Statement>();
      const frame: UpdateFrame = {
        tx,
        query: async <R extends object>(sql: string, params: readonly unknown[]) => (await send(open, { text: sql, values: [...params] })).rows as R[],
        execute: async (sql, params) => (await send(open, { text: sql, values: [...params] })).rowCount ?? 0,
        atCommit: (key, statement) => void atCommit.set(key, statement),
      };
      // As Prisma's transaction timeout did: end the transaction and free the connection at once.
      // The connection is closed (PostgreSQL rolls back and drops the chat's lock with it), which
      // also fails a statement stuck in it; the update's work fails at its next one.
      const timer = setTimeout(() => {
        open.timedOut = open.closed = true;
        client.release(new FrameTimeoutError());
      }, limits.timeoutMs);
      timer.unref();
      let broken: Error | undefined;
      try {
        const begun = resultsOf(await send(open, { text: batchText(client, [{ text: 'BEGIN', values: [] }, ...opening]) }, true));
        const opened: BatchResult[] = begun.slice(1).map((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 }));
        const result = await openFrames.run(open, () => work(frame, opened));
        if (open.timedOut) throw new FrameTimeoutError();
        open.closed = true;
        // A transaction in which a statement failed (and someone caught it) is rolled back by
        // COMMIT without an error (or refuses the statements sent with it); the update must not
        // be reported as done then.
        const commit = await send(open, { text: batchText(client, [...atCommit.values(), { text: 'COMMIT', values: [] }]) }, true).catch((e: unknown) => {
          if ((e as { code?: string }).code === ABORTED) throw new Error("the update's transaction had failed and was rolled back", { cause: e });
          throw e;
        });
        if (resultsOf(commit).at(-1)?.command === 'ROLLBACK') throw new Error("the update's transaction had failed and was rolled back");
        return result;
      } catch (error) {
        if (!open.timedOut) {
          open.closed = true;
          await send(open, { text: 'ROLLBACK' }, true).catch((e: Error) => (broken = e));
        }
        // The connection is gone: whatever the work threw, it failed because the database did,
        // and nothing was written. Said so, since the work's error need not say it: a
        // conversation hands on a copy (structuredClone) of an error thrown inside `external`,
        // without its code. The work's error stays with it, for the log.
        if (broken && isDatabaseUnavailable(broken)) {
          throw Object.assign(new Error("the update's connection to the database was lost", { cause: broken }), { workError: error });
        }
        throw error;
      } finally {
        clearTimeout(timer);
        client.removeListener('error', onError);
        // A connection whose rollback failed is closed rather than handed to the next update.
        if (!open.timedOut) client.release(broken);
      }
    },
  };
}
