/**
 * The bot's own statements in an update's transaction, as plain SQL so both kinds of
 * frame send exactly the same (and the benchmarks' baselines can mirror them).
 * Session and conversation values travel as JSON text: the column keeps the text as written
 * (json, not jsonb), so the bot compares it as text and the database never parses it back.
 *
 * An update opens with one batch (the claim, the chat's session rows and its chat account)
 * and its session writes go with the COMMIT: on PostgreSQL each batch is one round trip
 * (see pg-frames.ts), where each statement was one before.
 */
import type { Platform } from '../../messenger/platform.ts';
import type { BatchResult, Statement, UpdateFrame } from './frame.ts';

export interface UpdateClaim {
  platform: Platform;
  botId: string;
  updateId: number;
  /** The chat's lock: held to the end of the transaction, across processes. */
  lockKey: string;
}

/**
 * Takes the chat's lock and then records the update; a row count of 0 means it was recorded
 * before (a redelivery: skip it). The row to insert is only produced once the lock is held.
 */
export function claimStatement(update: UpdateClaim): Statement {
  return {
    text: `INSERT INTO "ProcessedUpdate" ("platform", "botId", "updateId")
     SELECT CAST($1::text AS "Platform"), $2, CAST($3::text AS bigint)
     FROM (SELECT pg_advisory_xact_lock(hashtextextended($4, 0))) AS chat_lock
     ON CONFLICT DO NOTHING`,
    values: [update.platform, update.botId, String(update.updateId), update.lockKey],
  };
}

export function sessionRowsStatement(platform: Platform, keys: readonly string[]): Statement {
  const placeholders = keys.map((_, i) => `$${i + 2}`).join(', ');
  return {
    text: `SELECT "key", "value"::text AS "value" FROM "BotSession"
     WHERE "platform" = CAST($1::text AS "Platform") AND "key" IN (${placeholders})`,
    values: [platform, ...keys],
  };
}

export function writeSessionStatement(platform: Platform, key: string, json: string): Statement {
  return {
    text: `INSERT INTO "BotSession" ("platform", "key", "value", "updatedAt")
     VALUES (CAST($1::text AS "Platform"), $2, CAST($3::text AS json), now() AT TIME ZONE 'UTC')
     ON CONFLICT ("platform", "key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"`,
    values: [platform, key, json],
  };
}

export function deleteSessionStatement(platform: Platform, key: string): Statement {
  return { text: `DELETE FROM "BotSession" WHERE "platform" = CAST($1::text AS "Platform") AND "key" = $2`, values: [platform, key] };
}

/** What the bot keeps of a messenger user, as bot/chat-account.ts compares it with the update. */
export interface ChatAccountRow {
  id: string;
  personId: string | null;
  language: string;
  chatId: string | null;
  username: string | null;
  displayName: string | null;
  blocked: boolean;
  lastSeenAt: Date | null;
}

export function chatAccountStatement(platform: Platform, externalUserId: string): Statement {
  return {
    text: `SELECT "id", "personId", "language", "chatId", "username", "displayName", "blocked",
            to_char("lastSeenAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastSeenAt"
     FROM "ChatAccount" WHERE "platform" = CAST($1::text AS "Platform") AND "externalUserId" = $2`,
    values: [platform, externalUserId],
  };
}

export interface UpdateOpening extends UpdateClaim {
  /** The chat's session and conversation rows, read once the chat's lock is held. */
  sessionKeys: readonly string[];
  /** The messenger user behind the update, if any. */
  externalUserId?: string;
}

export interface OpenedUpdate {
  /** False: the update was handled before. */
  claimed: boolean;
  /** Every key asked for: its JSON text, or null when there is no row. */
  sessionRows: Map<string, string | null>;
  /** undefined when no user was asked for, null when the user has no account yet. */
  account: ChatAccountRow | null | undefined;
}

/** The first statements of an update, in the order they must run (the lock first). */
export function openingStatements(opening: UpdateOpening): Statement[] {
  const statements = [claimStatement(opening), sessionRowsStatement(opening.platform, opening.sessionKeys)];
  if (opening.externalUserId !== undefined) statements.push(chatAccountStatement(opening.platform, opening.externalUserId));
  return statements;
}

export function readOpening(opening: UpdateOpening, results: readonly BatchResult[]): OpenedUpdate {
  const [claim, rows, account] = results;
  const sessionRows = new Map<string, string | null>(opening.sessionKeys.map((k) => [k, null]));
  for (const row of (rows?.rows ?? []) as { key: string; value: string }[]) sessionRows.set(row.key, row.value);
  let found: ChatAccountRow | null | undefined;
  if (opening.externalUserId !== undefined) {
    const row = account?.rows[0] as (Omit<ChatAccountRow, 'lastSeenAt'> & { lastSeenAt: string | null }) | undefined;
    found = row ? { ...row, lastSeenAt: row.lastSeenAt ? new Date(row.lastSeenAt) : null } : null;
  }
  return { claimed: (claim?.rowCount ?? 0) > 0, sessionRows, account: found };
}

/** One statement on its own round trip (tests, benchmarks' baselines). */
export async function claimUpdate(frame: UpdateFrame, update: UpdateClaim): Promise<boolean> {
  const s = claimStatement(update);
  return (await frame.execute(s.text, s.values)) > 0;
}

export async function readSessionRows(frame: UpdateFrame, platform: Platform, keys: readonly string[]): Promise<{ key: string; value: string }[]> {
  const s = sessionRowsStatement(platform, keys);
  return frame.query<{ key: string; value: string }>(s.text, s.values);
}

export async function writeSessionRow(frame: UpdateFrame, platform: Platform, key: string, json: string): Promise<void> {
  const s = writeSessionStatement(platform, key, json);
  await frame.execute(s.text, s.values);
}
