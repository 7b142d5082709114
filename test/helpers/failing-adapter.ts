/**
 * What the proxy of db-proxy.ts is for PostgreSQL, for the embedded database: a second
 * Prisma client on the same PGlite whose adapter can fail as a lost connection would. The
 * embedded database has no network to cut, so the failure is injected where Prisma meets it.
 *
 *  - down(): every statement, and the start of every transaction, fails until up(); a
 *    transaction already open fails at its next statement and at its commit (nothing of it
 *    is written: its rollback still reaches PGlite, whose one connection is freed).
 *  - cutAt(pattern): the next transaction that sends a statement matching `pattern` loses its
 *    "connection" there: that statement and everything after it in that transaction fail,
 *    while the database stays up for everyone else (a connection cut in the middle of one
 *    update, or its transaction timing out).
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PRISMA_CLIENT_OPTIONS, PrismaClient, type Database } from '../../prisma/client.ts';
import { DatabaseUnavailableError } from '../../prisma/unavailable.ts';

export interface FailingDatabase {
  /** The same embedded database through the failing adapter (close() leaves PGlite open). */
  database: Database;
  down(): void;
  up(): void;
  /** Resolves once a transaction has been cut at a statement matching `pattern`. */
  cutAt(pattern: RegExp): Promise<void>;
  /** Statements (and transaction starts) refused so far. */
  refused: number;
}

const lost = () => new DatabaseUnavailableError('the connection to the embedded database was lost');

export function failingDatabase(base: Database): FailingDatabase {
  if (!base.pglite) throw new Error('failingDatabase wraps the embedded database only');
  let isDown = false;
  let cut: { pattern: RegExp; done: () => void } | undefined;
  const state: FailingDatabase = {
    database: undefined as unknown as Database,
    down: () => void (isDown = true),
    up: () => void (isDown = false),
    cutAt: (pattern) => new Promise<void>((done) => (cut = { pattern, done })),
    refused: 0,
  };
  const refuse = (): never => {
    state.refused++;
    throw lost();
  };

  const failingTransaction = (tx: Transaction): Transaction => {
    let broken = false;
    const send = <R>(run: (q: SqlQuery) => Promise<R>) => (query: SqlQuery): Promise<R> => {
      if (!broken && cut?.pattern.test(query.sql)) {
        broken = true;
        const { done } = cut;
        cut = undefined;
        queueMicrotask(done);
      }
      return isDown || broken ? Promise.resolve().then(refuse) : run(query);
    };
    return new Proxy(tx, {
      get(target, key, receiver) {
        if (key === 'queryRaw') return send((q) => target.queryRaw(q));
        if (key === 'executeRaw') return send((q) => target.executeRaw(q));
        if (key === 'commit') {
          return async () => {
            if (!isDown && !broken) return target.commit();
            await target.rollback();
            refuse();
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };

  const failingAdapter = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(target, key, receiver) {
        if (key === 'queryRaw') return (q: SqlQuery) => (isDown ? Promise.resolve().then(refuse) : target.queryRaw(q));
        if (key === 'executeRaw') return (q: SqlQuery) => (isDown ? Promise.resolve().then(refuse) : target.executeRaw(q));
        if (key === 'startTransaction') {
          return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
            if (isDown) refuse();
            return failingTransaction(await target.startTransaction(...args));
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  const inner = new PrismaPGlite(base.pglite);
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => failingAdapter(await inner.connect()),
  };
  const db = new PrismaClient({ ...PRISMA_CLIENT_OPTIONS, adapter: factory });
  state.database = { db, kind: 'pglite', pglite: base.pglite, migrated: [], close: () => db.$disconnect() };
  return state;
}
