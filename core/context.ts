/**
 * What every use-case gets: the database, a clock (fake in tests) and the
 * settings the regulation leaves to configuration.
 */
import type { Db } from '../prisma/client.ts';
import type { Prisma } from '../prisma/generated/client/client.ts';

export type Tx = Prisma.TransactionClient;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface CoreSettings {
  /** Distributions above this need the chair's approval (Rials). */
  distributionApprovalAboveRial: bigint;
  /** A pledge lapses after this many missed installments in a row. */
  pledgeLapseAfterMissed: number;
  /** How long a trustee's one-time chat link code stays valid. */
  linkCodeTtlHours: number;
  /** Bounds of a single amount (Rials), against typos such as an extra zero. */
  minAmountRial: bigint;
  maxAmountRial: bigint;
}

export const defaultSettings: CoreSettings = {
  distributionApprovalAboveRial: 50_000_000n, // 5 million Toman
  pledgeLapseAfterMissed: 3,
  linkCodeTtlHours: 72,
  minAmountRial: 10_000n, // 1,000 Toman
  maxAmountRial: 1_000_000_000_000n, // 100 billion Toman
};

export interface CoreDeps {
  db: Db;
  clock?: Clock;
  settings?: Partial<CoreSettings>;
}

export interface Ctx {
  db: Db;
  clock: Clock;
  settings: CoreSettings;
  /** Set when the caller already opened the transaction the use-cases must join. */
  tx?: Tx;
}

export function createCtx(deps: CoreDeps): Ctx {
  return { db: deps.db, clock: deps.clock ?? systemClock, settings: { ...defaultSettings, ...deps.settings } };
}

/**
 * Interactive transactions: generous timeouts because PGlite runs them one at a time.
 * Reentrant: when the caller already opened one (`ctx.tx`; the bot handles each update
 * in one, so dedupe, session and the work commit or roll back together), the use-case
 * joins it instead of opening another (Prisma has no nested transactions).
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.tx) return inSavepoint(ctx.tx, fn);
  return ctx.db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
}

let savepoints = 0;

/**
 * A use-case joined to the caller's transaction is still all-or-nothing: a refusal
 * after its first write (caught by the bot, which then asks again) undoes exactly
 * that use-case's writes, and a failed statement no longer aborts the caller's work.
 * The bot wraps its own attempts at a use-case in one too (bot/attempt.ts).
 */
export async function inSavepoint<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // An SQL identifier from a fixed prefix and a counter, never from input.
  const name = `core_${++savepoints}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const result = await fn(tx);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

/** A context whose use-cases all run inside the caller's open transaction. */
export function withinTransaction(ctx: Ctx, tx: Tx): Ctx {
  // Reads outside inTransaction go through ctx.db, so they see the transaction too.
  return { ...ctx, db: tx as unknown as Db, tx };
}

/**
 * Serialises writers of one logical resource (a center's fund, a donation)
 * until the transaction ends, across processes: a PostgreSQL advisory lock.
 */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
