/**
 * Update frames as Prisma interactive transactions: for the embedded database, whose one
 * connection Prisma's PGlite adapter hands out in turn (a frame opened around it would be
 * queued behind, or ahead of, the panel's own transactions without Prisma knowing).
 */
import type { Db } from '../../prisma/client.ts';
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import { FRAME_LIMITS, type BatchResult, type Statement, type UpdateFrame, type UpdateFrames } from './frame.ts';

/** The embedded database runs in this process: its statements go one by one, with no round trip to save. */
async function runOne(tx: Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>, s: Statement): Promise<BatchResult> {
  if (/^\s*SELECT\b/i.test(s.text)) {
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(s.text, ...s.values);
    return { rows, rowCount: rows.length };
  }
  return { rows: [], rowCount: await tx.$executeRawUnsafe(s.text, ...s.values) };
}

export function prismaFrames(db: Db, limits: { maxWaitMs: number; timeoutMs: number } = FRAME_LIMITS): UpdateFrames {
  return {
    async run(work, opening = []) {
      let lost: unknown;
      try {
        return await db.$transaction(
          async (tx) => {
            const atCommit = new Map<string, Statement>();
            const frame: UpdateFrame = {
              tx,
              query: (sql, params) => tx.$queryRawUnsafe(sql, ...params),
              execute: (sql, params) => tx.$executeRawUnsafe(sql, ...params),
              atCommit: (key, statement) => void atCommit.set(key, statement),
            };
            try {
              const opened: BatchResult[] = [];
              for (const s of opening) opened.push(await runOne(tx, s));
              const result = await work(frame, opened);
              for (const s of atCommit.values()) await runOne(tx, s);
              return result;
            } catch (error) {
              // Whether the transaction itself is gone (timed out, its connection lost): the work's
              // error need not say so, since a conversation hands on a copy (structuredClone) of an
              // error thrown inside `external`, without its code. One statement, on failures only;
              // one refused for another reason (a failed statement aborted the transaction) leaves
              // the work's error to speak.
              if (!isDatabaseUnavailable(error)) {
                await tx.$queryRawUnsafe('SELECT 1').catch((e: unknown) => {
                  if (isDatabaseUnavailable(e)) lost = e;
                });
              }
              throw error;
            }
          },
          { maxWait: limits.maxWaitMs, timeout: limits.timeoutMs },
        );
      } catch (error) {
        // Nothing was written: the update failed because the database did, and is to be tried again.
        if (lost) throw Object.assign(new Error("the update's transaction on the database was lost", { cause: lost }), { workError: error });
        throw error;
      }
    },
  };
}
