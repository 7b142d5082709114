/**
 * Long polling that confirms an update to the messenger only once it is handled. getUpdates'
 * `offset` is the acknowledgement: everything below it is gone from the messenger for good.
 * (@grammyjs/runner confirms a batch as soon as it has fetched it, so an update in flight
 * when the database went away or the process was killed was lost.) Here a batch is handled
 * to the end before the next getUpdates moves the offset past it: a chat's updates one after
 * another in update order, different chats at once (at most `concurrency`, each holds a
 * database connection). An update the database could not take (UpdateDeferredError) is tried
 * again with backoff, and the chat's later updates wait behind it, so nothing overtakes it.
 * Killed at any moment, the process confirmed nothing past what was handled: the messenger
 * hands the rest out again after the restart, and ProcessedUpdate skips what had committed.
 */
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import pLimit from 'p-limit';
import type { Logger } from '../logger.ts';
import type { BotContext } from './context.ts';
import { isUpdateDeferred } from './update-unit.ts';

export interface PollingOptions {
  concurrency: number;
  allowedUpdates: readonly string[];
  logger: Logger;
  /** Backoff between tries of a deferred update or a failed getUpdates; doubled up to `maxMs`. */
  retry?: { minMs: number; maxMs: number };
  /** Long-polling timeout of getUpdates, seconds. */
  timeoutSeconds?: number;
}

export interface Polling {
  /** Stops fetching; an update being handled is finished, one waiting for a retry is left unconfirmed. */
  stop(): Promise<void>;
}

/** The chat an update belongs to (its updates are handled in order), as in update-unit's lock key. */
function chatOf(update: Update): string {
  const chat = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.my_chat_member?.chat.id;
  return String(chat ?? update.callback_query?.from.id ?? update.message?.from?.id ?? 'none');
}

export function startPolling(bot: Bot<BotContext>, opts: PollingOptions): Polling {
  const retry = opts.retry ?? { minMs: 250, maxMs: 5_000 };
  const slots = pLimit(opts.concurrency);
  const abort = new AbortController();
  let stopping = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  /** True once handled (or failed for good: the update unit recorded it); false when stopping first. */
  async function handle(update: Update): Promise<boolean> {
    for (let wait = retry.minMs; !stopping; wait = Math.min(wait * 2, retry.maxMs)) {
      try {
        await slots(() => bot.handleUpdate(update));
        return true;
      } catch (err) {
        if (!isUpdateDeferred(err)) {
          opts.logger.error({ err, updateId: update.update_id }, 'polling update failed');
          return true;
        }
        await pause(wait);
      }
    }
    return false;
  }

  async function handleBatch(updates: Update[]): Promise<boolean> {
    const chats = new Map<string, Update[]>();
    for (const u of updates) chats.set(chatOf(u), [...(chats.get(chatOf(u)) ?? []), u]);
    const done = await Promise.all(
      [...chats.values()].map(async (queue) => {
        for (const u of queue) if (!(await handle(u))) return false;
        return true;
      }),
    );
    return done.every(Boolean);
  }

  const loop = (async () => {
    let offset: number | undefined;
    let wait = retry.minMs;
    while (!stopping) {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { ...(offset === undefined ? {} : { offset }), timeout: opts.timeoutSeconds ?? 30, allowed_updates: [...opts.allowedUpdates] as never },
          abort.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        wait = retry.minMs;
      } catch (err) {
        if (stopping) break;
        opts.logger.warn({ err }, 'getUpdates failed: trying again');
        await pause(wait);
        wait = Math.min(wait * 2, retry.maxMs);
        continue;
      }
      updates.sort((a, b) => a.update_id - b.update_id);
      if (updates.length === 0) continue;
      // Only a batch handled to the end moves the offset (the next getUpdates confirms it).
      if (!(await handleBatch(updates))) break;
      offset = updates.at(-1)!.update_id + 1;
    }
  })();

  return {
    async stop() {
      stopping = true;
      abort.abort();
      await loop;
    },
  };
}
