/**
 * The bot's own statements in an update's transaction, as plain SQL so both kinds of
 * frame send exactly the same (and bench/bot-intake.ts's baseline can mirror them).
 * Session and conversation values travel as JSON text: they are cached and compared as
 * text (session-storage.ts), so the database never has to hand back parsed objects.
 */
import type { Platform } from '../../messenger/platform.ts';
import type { UpdateFrame } from './frame.ts';

/**
 * Takes the chat's lock (held to the end of the transaction, across processes) and then
 * records the update; false when it was recorded before (a redelivery: skip it). One
 * round trip: the row to insert is only produced once the lock is held.
 */
export async function claimUpdate(
  frame: UpdateFrame,
  update: { platform: Platform; botId: string; updateId: number; lockKey: string },
): Promise<boolean> {
  const inserted = await frame.execute(
    `INSERT INTO "ProcessedUpdate" ("platform", "botId", "updateId")
     SELECT CAST($1::text AS "Platform"), $2, CAST($3::text AS bigint)
     FROM (SELECT pg_advisory_xact_lock(hashtextextended($4, 0))) AS chat_lock
     ON CONFLICT DO NOTHING`,
    [update.platform, update.botId, String(update.updateId), update.lockKey],
  );
  return inserted > 0;
}

export async function readSessionRows(
  frame: UpdateFrame,
  platform: Platform,
  keys: readonly string[],
): Promise<{ key: string; value: string }[]> {
  const placeholders = keys.map((_, i) => `$${i + 2}`).join(', ');
  return frame.query<{ key: string; value: string }>(
    `SELECT "key", "value"::text AS "value" FROM "BotSession"
     WHERE "platform" = CAST($1::text AS "Platform") AND "key" IN (${placeholders})`,
    [platform, ...keys],
  );
}

export async function writeSessionRow(frame: UpdateFrame, platform: Platform, key: string, json: string): Promise<void> {
  await frame.execute(
    `INSERT INTO "BotSession" ("platform", "key", "value", "updatedAt")
     VALUES (CAST($1::text AS "Platform"), $2, CAST($3::text AS jsonb), now() AT TIME ZONE 'UTC')
     ON CONFLICT ("platform", "key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"`,
    [platform, key, json],
  );
}

export async function deleteSessionRow(frame: UpdateFrame, platform: Platform, key: string): Promise<void> {
  await frame.execute(`DELETE FROM "BotSession" WHERE "platform" = CAST($1::text AS "Platform") AND "key" = $2`, [platform, key]);
}
