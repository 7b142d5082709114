/**
 * Update frames as Prisma interactive transactions: for the embedded database, whose one
 * connection Prisma's PGlite adapter hands out in turn (a frame opened around it would be
 * queued behind, or ahead of, the panel's own transactions without Prisma knowing).
 */
import type { Db } from '../../prisma/client.ts';
import { FRAME_LIMITS, type UpdateFrame, type UpdateFrames } from './frame.ts';

export function prismaFrames(db: Db): UpdateFrames {
  return {
    run: (work) =>
      db.$transaction(
        (tx) => {
          const frame: UpdateFrame = {
            tx,
            query: (sql, params) => tx.$queryRawUnsafe(sql, ...params),
            execute: (sql, params) => tx.$executeRawUnsafe(sql, ...params),
          };
          return work(frame);
        },
        { maxWait: FRAME_LIMITS.maxWaitMs, timeout: FRAME_LIMITS.timeoutMs },
      ),
  };
}
