/**
 * Sessions and conversation state as BotSession rows, keyed by platform and
 * `<kind>:<botId>:<chat>`, read and written in the update's transaction (so
 * they commit or roll back with the update, and a restart resumes them).
 */
import type { VersionedState, VersionedStateStorage } from '@grammyjs/conversations';
import type { StorageAdapter } from 'grammy';
import type { Platform } from '../messenger/platform.ts';
import { deleteSessionRow, readSessionRows, writeSessionRow } from './update-frame/index.ts';
import { currentUnit, type UpdateUnit } from './update-unit.ts';

/**
 * The rows this update has read or written, as their JSON text (null: no row). Every
 * update needs both of its chat's rows (session and conversation state): the first read
 * fetches both in one query, and a value written back unchanged is not written again.
 * Safe because the update holds its chat's lock and these rows are only touched by the
 * chat's own updates; the cache lives and dies with the update (and its transaction).
 */
const rowsOfUnit = new WeakMap<UpdateUnit, Map<string, string | null>>();

function rowsOf(unit: UpdateUnit): Map<string, string | null> {
  let rows = rowsOfUnit.get(unit);
  if (!rows) rowsOfUnit.set(unit, (rows = new Map()));
  return rows;
}

/**
 * The database hands back jsonb as its own text (keys reordered, spaces added); the text a
 * reader would produce if it wrote the value back unchanged is what "unchanged" is compared to.
 */
function normalizedJson(stored: string): string {
  return JSON.stringify(JSON.parse(stored));
}

/** The chat's rows read along with `key`: "session:<bot>:<chat>" and "conversation:<bot>:<chat>". */
function keysReadTogether(key: string): string[] {
  const chat = /^(?:session|conversation):(.*)$/.exec(key)?.[1];
  return chat === undefined ? [key] : [`session:${chat}`, `conversation:${chat}`];
}

export class BotSessionStorage<T> implements StorageAdapter<T> {
  readonly #platform: Platform;
  constructor(platform: Platform) {
    this.#platform = platform;
  }

  async read(key: string): Promise<T | undefined> {
    const unit = currentUnit();
    const rows = rowsOf(unit);
    if (!rows.has(key)) {
      const keys = keysReadTogether(key).filter((k) => !rows.has(k));
      const found = await readSessionRows(unit.frame, this.#platform, keys);
      for (const k of keys) rows.set(k, null);
      for (const row of found) rows.set(row.key, normalizedJson(row.value));
    }
    const json = rows.get(key);
    // A new object on every read, as the database would give: callers may change it.
    return json == null ? undefined : (JSON.parse(json) as T);
  }

  async write(key: string, value: T): Promise<void> {
    const unit = currentUnit();
    const rows = rowsOf(unit);
    const json = JSON.stringify(value);
    if (rows.get(key) === json) return;
    await writeSessionRow(unit.frame, this.#platform, key, json);
    rows.set(key, json);
  }

  async delete(key: string): Promise<void> {
    const unit = currentUnit();
    const rows = rowsOf(unit);
    if (rows.get(key) === null) return;
    await deleteSessionRow(unit.frame, this.#platform, key);
    rows.set(key, null);
  }
}

/** The same rows, in the shape the conversations plugin stores (versioned state). */
export function conversationStorage<S>(platform: Platform): VersionedStateStorage<string, S> {
  const rows = new BotSessionStorage<VersionedState<S>>(platform);
  return { read: (k) => rows.read(k), write: (k, v) => rows.write(k, v), delete: (k) => rows.delete(k) };
}
