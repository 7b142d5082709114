/**
 * The bot's update-frame statements (bot/update-frame/statements.ts) on a plain `pg`
 * connection, for baselines that send the same SQL without the bot, the same way: the
 * opening batch with BEGIN in one round trip, the session writes with COMMIT in another.
 */
import type pg from 'pg';
import { batchText, resultsOf } from '../../bot/update-frame/pg-frames.ts';
import { openingStatements, readOpening, type OpenedUpdate, type Statement, type UpdateOpening } from '../../bot/update-frame/index.ts';

/** BEGIN and the update's opening statements, in one round trip. */
export async function openPgFrame(client: pg.PoolClient, opening: UpdateOpening): Promise<OpenedUpdate> {
  const results = resultsOf(await client.query(batchText(client, [{ text: 'BEGIN', values: [] }, ...openingStatements(opening)])));
  return readOpening(opening, results.slice(1).map((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 })));
}

/** The statements kept for the COMMIT, and the COMMIT, in one round trip. */
export async function commitPgFrame(client: pg.PoolClient, atCommit: readonly Statement[]): Promise<void> {
  await client.query(batchText(client, [...atCommit, { text: 'COMMIT', values: [] }]));
}
