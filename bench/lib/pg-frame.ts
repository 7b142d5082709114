/**
 * The bot's update-frame statements (bot/update-frame/statements.ts) on a plain `pg`
 * connection, for baselines that send the same SQL without the bot: the wrapper only
 * turns pg's results into the frame's shape.
 */
import type pg from 'pg';
import type { UpdateFrame } from '../../bot/update-frame/index.ts';

export function pgClientFrame(client: pg.PoolClient): UpdateFrame {
  return {
    // Baselines send core's statements themselves; nothing here may reach for Prisma.
    tx: undefined as never,
    query: async (sql, params) => (await client.query(sql, [...params])).rows,
    execute: async (sql, params) => (await client.query(sql, [...params])).rowCount ?? 0,
  };
}
