/**
 * Update frames as Prisma interactive transactions: for the embedded database, whose one
 * connection Prisma's PGlite adapter hands out in turn (a frame opened around it would be
 * queued behind, or ahead of, the panel's own transactions without Prisma knowing).
 */
import type { Db } from '../../prisma/client.ts';
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import { FRAME_LIMITS, type UpdateFrame, type UpdateFrames } from './frame.ts';

export function prismaFrames(db: Db, limits: { maxWaitMs: number; timeoutMs: number } = FRAME_LIMITS): UpdateFrames {
  return {
    async run(work) {
      let lost: unknown;
      try {
        return await db.$transaction(
          async (tx) => {
            const frame: UpdateFrame = {
              tx,
              query: (sql, params) => tx.$queryRawUnsafe(sql, ...params),
              execute: (sql, params) => tx.$executeRawUnsafe(sql, ...params),
            };
            try {
              return await work(frame);
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
