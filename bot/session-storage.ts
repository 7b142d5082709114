/**
 * Sessions and conversation state as BotSession rows, keyed by platform and
 * `<kind>:<botId>:<chat>`, read and written in the update's transaction (so
 * they commit or roll back with the update, and a restart resumes them).
 */
import type { VersionedState, VersionedStateStorage } from '@grammyjs/conversations';
import { session, type MiddlewareFn, type StorageAdapter } from 'grammy';
import type { Platform } from '../messenger/platform.ts';
import type { BotContext, BotSession } from './context.ts';
import type { BotDeps } from './deps.ts';
import { deleteSessionStatement, sessionRowsStatement, writeSessionStatement } from './update-frame/index.ts';
import { currentUnit, sessionKeyOf } from './update-unit.ts';

/**
 * The update's rows are its unit's `sessionRows`, as JSON text (null: no row): the chat's
 * session and conversation rows come with the update's opening statements, and a write is
 * kept there and sent with the COMMIT (a value written back unchanged is not sent at all).
 * Safe because the update holds its chat's lock and these rows are only touched by the
 * chat's own updates; the cache lives and dies with the update (and its transaction).
 */
export class BotSessionStorage<T> implements StorageAdapter<T> {
  readonly #platform: Platform;
  constructor(platform: Platform) {
    this.#platform = platform;
  }

  async read(key: string): Promise<T | undefined> {
    const unit = currentUnit();
    const rows = unit.sessionRows;
    if (!rows.has(key)) {
      const s = sessionRowsStatement(this.#platform, [key]);
      const [found] = await unit.frame.query<{ value: string }>(s.text, s.values);
      rows.set(key, found?.value ?? null);
    }
    const json = rows.get(key);
    // A new object on every read, as the database would give: callers may change it.
    return json == null ? undefined : (JSON.parse(json) as T);
  }

  async write(key: string, value: T): Promise<void> {
    const unit = currentUnit();
    const json = JSON.stringify(value);
    if (unit.sessionRows.get(key) === json) return;
    unit.frame.atCommit(key, writeSessionStatement(this.#platform, key, json));
    unit.sessionRows.set(key, json);
  }

  async delete(key: string): Promise<void> {
    const unit = currentUnit();
    if (unit.sessionRows.get(key) === null) return;
    unit.frame.atCommit(key, deleteSessionStatement(this.#platform, key));
    unit.sessionRows.set(key, null);
  }
}

/** The chat's grammY session (ctx.session), kept in its BotSession row. */
export function chatSession(deps: BotDeps): MiddlewareFn<BotContext> {
  return session<BotSession, BotContext>({
    initial: () => ({}),
    storage: new BotSessionStorage<BotSession>(deps.platform.platform),
    getSessionKey: (ctx) => sessionKeyOf(deps.botId, ctx),
  });
}

/** The same rows, in the shape the conversations plugin stores (versioned state). */
export function conversationStorage<S>(platform: Platform): VersionedStateStorage<string, S> {
  const rows = new BotSessionStorage<VersionedState<S>>(platform);
  return { read: (k) => rows.read(k), write: (k, v) => rows.write(k, compactReplay(v)), delete: (k) => rows.delete(k) };
}

type MessageLike = { message_id?: unknown; date?: unknown; chat?: { id?: unknown; type?: unknown } };
type Recorded = { ok?: unknown; res?: { ok?: unknown; result?: MessageLike }; update_id?: unknown; callback_query?: { message?: MessageLike } };

/** Which message it was, as an inaccessible message would say (null: not a message, or already that). */
function whichMessage(m: MessageLike | undefined): MessageLike | null {
  if (!m || typeof m !== 'object' || typeof m.message_id !== 'number' || !m.chat) return null;
  if (Object.keys(m).length === 3 && Object.keys(m.chat).length === 2) return null;
  return { message_id: m.message_id, date: m.date, chat: { id: m.chat.id, type: m.chat.type } };
}

/**
 * A conversation's replay log keeps every update it waited for and the Bot API's answer to
 * every call it made. A sent message comes back whole (its text, its keyboard, the bot's
 * profile), and a button press carries the whole message the button was on. No conversation
 * reads more of either than which message it was, so the row keeps the message's id, date
 * and chat: that was more than half of the row, which every later update of the
 * conversation reads, writes and sends to PostgreSQL again.
 */
export function compactReplay<S>(versioned: VersionedState<S>): VersionedState<S> {
  const conversations = versioned.state as Record<string, { replay?: { receive?: { returnValue?: unknown }[] } }[] | undefined> | undefined;
  for (const running of Object.values(conversations ?? {})) {
    for (const one of running ?? []) {
      for (const received of one.replay?.receive ?? []) {
        const value = received.returnValue as Recorded | undefined;
        if (value?.ok === true && value.res?.ok === true) {
          const sent = whichMessage(value.res.result);
          if (sent) received.returnValue = { ok: true, res: { ok: true, result: sent } };
        } else if (value?.update_id !== undefined && value.callback_query) {
          const pressedOn = whichMessage(value.callback_query.message);
          if (pressedOn) received.returnValue = { ...value, callback_query: { ...value.callback_query, message: pressedOn } };
        }
      }
    }
  }
  return versioned;
}
