/**
 * The transaction an update runs in, and the bookkeeping statements the bot
 * sends in it (chat lock + dedupe, session and conversation rows). Two ways to
 * open one (see index.ts): on PostgreSQL straight on a pooled `pg` connection,
 * on the embedded database through a Prisma interactive transaction. Either way
 * `tx` is a Prisma client whose every statement joins the same transaction, for
 * core's use-cases.
 */
import type { Tx } from '../../core/context.ts';

/** A statement of the bot's own bookkeeping, with $1, $2 … parameters. */
export interface Statement {
  text: string;
  values: readonly (string | number | null)[];
}

export interface BatchResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

export interface UpdateFrame {
  /** Prisma for core's use-cases, inside this transaction. */
  tx: Tx;
  /** A statement of the bot's own bookkeeping ($1, $2 … parameters); rows as objects. */
  query<R extends object>(sql: string, params: readonly unknown[]): Promise<R[]>;
  execute(sql: string, params: readonly unknown[]): Promise<number>;
  /**
   * A statement to run just before the COMMIT, if the work succeeds; one registered again
   * under the same key replaces the earlier one (a row written twice is written once).
   */
  atCommit(key: string, statement: Statement): void;
}

export interface UpdateFrames {
  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws.
   * `opening` runs first in the transaction, in order; `work` gets their results.
   */
  run<T>(work: (frame: UpdateFrame, opened: BatchResult[]) => Promise<T>, opening?: readonly Statement[]): Promise<T>;
}

/**
 * How long an update's transaction may stay open (Bot API round trips included), and how
 * long one may wait for a connection or, on the embedded database, for its single one.
 */
export const FRAME_LIMITS = { maxWaitMs: 60_000, timeoutMs: 120_000 } as const;

export class FrameTimeoutError extends Error {
  constructor() {
    super("the update's transaction stayed open too long and was rolled back");
    this.name = 'FrameTimeoutError';
  }
}
