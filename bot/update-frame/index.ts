import type { Database } from '../../prisma/client.ts';
import type { UpdateFrames } from './frame.ts';
import { pgFrames } from './pg-frames.ts';
import { prismaFrames } from './prisma-frames.ts';

export type { BatchResult, Statement, UpdateFrame, UpdateFrames } from './frame.ts';
export * from './statements.ts';

/** PostgreSQL: frames on pooled `pg` connections; the embedded database: Prisma's transactions. */
export function updateFrames(database: Database): UpdateFrames {
  return database.pool ? pgFrames(database.pool) : prismaFrames(database.db);
}
