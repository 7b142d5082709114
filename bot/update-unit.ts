/**
 * One update = one unit of work. A per-chat advisory lock serialises a chat's
 * updates across processes; the ProcessedUpdate row (platform, bot, update_id)
 * is written in the same transaction as the work, the session and the
 * conversation state, so a redelivered update is skipped and a failed one
 * leaves nothing behind. A failed update is then recorded on its own (a
 * poisoned update is not retried forever) and the user gets a short apology.
 * An update the database could not take (unreachable, connection cut, no
 * connection free, the frame timed out) is neither recorded nor apologised for:
 * it fails with UpdateDeferredError, and whoever fed it (webhook, polling) does
 * not acknowledge it to the messenger, so it is handled again later, once.
 *
 * While the transaction is open everything must go through it: PGlite has one
 * connection, so touching the root client from inside would wait forever.
 * The storage adapters and conversation plugins find it via AsyncLocalStorage.
 * How the transaction is opened depends on the database: see update-frame/.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareFn, Transformer } from 'grammy';
import { coreInTransaction } from '../core/index.ts';
import type { Tx } from '../core/context.ts';
import { isDomainError } from '../core/errors.ts';
import { isDatabaseUnavailable } from '../prisma/unavailable.ts';
import { languageFromClient, translator, type Language, type TFunction } from '../messenger/i18n.ts';
import type { BotContext } from './context.ts';
import type { BotDeps } from './deps.ts';
import { openingStatements, readOpening, updateFrames, type ChatAccountRow, type UpdateFrame } from './update-frame/index.ts';

export interface UpdateUnit {
  /** Prisma inside the update's transaction, for core. */
  tx: Tx;
  /** The transaction itself, for the bot's own bookkeeping statements (session rows). */
  frame: UpdateFrame;
  updateId: number;
  /** The callback query of this update, if any, and whether it has been answered. */
  callbackQueryId?: string;
  callbackAnswered: boolean;
  language: Language;
  t: TFunction;
  /** The chat's session and conversation rows as JSON text (null: none), read and written by session-storage.ts. */
  sessionRows: Map<string, string | null>;
  /** The sender's chat account as the update found it (null: none yet), for chat-account.ts. */
  account: ChatAccountRow | null | undefined;
}

const units = new AsyncLocalStorage<UpdateUnit>();

/** The update was not handled and left no trace: it must not be acknowledged, so it comes again. */
export class UpdateDeferredError extends Error {
  constructor(cause: unknown) {
    super('the database could not take the update now; it is to be delivered again', { cause });
    this.name = 'UpdateDeferredError';
  }
}

/** Whether a failure of `bot.handleUpdate` (a BotError around the middleware's error) is a deferral. */
export function isUpdateDeferred(error: unknown): boolean {
  return error instanceof UpdateDeferredError || (error as { error?: unknown } | null)?.error instanceof UpdateDeferredError;
}

export function currentUnit(): UpdateUnit {
  const unit = units.getStore();
  if (!unit) throw new Error('no update is being handled here (bot storage used outside the update unit)');
  return unit;
}

/** The transaction of the update being handled. */
export function currentTx(): Tx {
  return currentUnit().tx;
}

/** The key a chat's updates are serialised on (its private chat, else the user). */
export function chatKeyOf(ctx: { chatId?: number; from?: { id: number } }): string {
  return String(ctx.chatId ?? ctx.from?.id ?? 'none');
}

/** The rows of a chat's grammY session and of its conversations' state (BotSession keys). */
export function sessionKeyOf(botId: string, ctx: { chatId?: number; from?: { id: number } }): string {
  return `session:${botId}:${chatKeyOf(ctx)}`;
}

export function conversationKeyOf(botId: string, ctx: { chatId?: number; from?: { id: number } }): string {
  return `conversation:${botId}:${chatKeyOf(ctx)}`;
}

/**
 * Notes that this update's button press was answered, whichever Api object
 * answered it (conversations build their own). Matching the id keeps replayed
 * answers of earlier updates from counting. An answer that comes too late for
 * the messenger ("query is too old") is not worth rolling the update back for.
 */
export const markCallbackAnswered: Transformer = async (prev, method, payload, signal) => {
  if (method !== 'answerCallbackQuery') return prev(method, payload, signal);
  const unit = units.getStore();
  const id = (payload as { callback_query_id?: string }).callback_query_id;
  if (unit && id === unit.callbackQueryId) unit.callbackAnswered = true;
  const result = await prev(method, payload, signal);
  if (!result.ok && result.error_code === 400 && /query is too old|query id is invalid/i.test(result.description)) {
    return { ok: true, result: true as never };
  }
  return result;
};

export function updateUnit(deps: BotDeps): MiddlewareFn<BotContext> {
  const platform = deps.platform.platform;
  const frames = updateFrames(deps.database);
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const lockKey = `chat:${platform}:${chatKeyOf(ctx)}`;
    const fallbackLanguage = languageFromClient(ctx.from?.language_code);
    let unit: UpdateUnit | undefined;
    // Everything an update needs to start, sent at once: the chat's lock and the claim of the
    // update, then (under the lock) the chat's session rows and its sender's account.
    const opening = {
      platform,
      botId: deps.botId,
      updateId,
      lockKey,
      sessionKeys: [sessionKeyOf(deps.botId, ctx), conversationKeyOf(deps.botId, ctx)],
      externalUserId: ctx.from ? String(ctx.from.id) : undefined,
    };
    try {
      await frames.run(async (frame, results) => {
        const opened = readOpening(opening, results);
        if (!opened.claimed) {
          deps.logger.debug({ updateId }, 'update already processed: skipped');
          return;
        }
        unit = {
          tx: frame.tx,
          frame,
          updateId,
          callbackQueryId: ctx.callbackQuery?.id,
          callbackAnswered: false,
          language: fallbackLanguage,
          t: translator(fallbackLanguage),
          sessionRows: opened.sessionRows,
          account: opened.account,
        };
        const u = unit;
        ctx.core = coreInTransaction(deps.core, frame.tx);
        ctx.logger = deps.logger;
        ctx.platform = deps.platform;
        await units.run(u, async () => {
          await next();
          // Never leave a button spinning: a press nobody took was out of date.
          if (u.callbackQueryId && !u.callbackAnswered) {
            await ctx.answerCallbackQuery({ text: u.t('bot:stale.button') });
          }
        });
      }, openingStatements(opening));
    } catch (error) {
      // Telling the user it failed would be wrong: it will be done once the database is back.
      if (isDatabaseUnavailable(error)) {
        deps.logger.warn({ err: error, updateId }, 'database unavailable: update left for redelivery');
        throw new UpdateDeferredError(error);
      }
      deps.logger.error({ err: error, updateId }, 'update failed: rolled back');
      try {
        await recordProcessed(deps, updateId);
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw new UpdateDeferredError(e);
        deps.logger.error({ err: e, updateId }, 'could not record the failed update');
      }
      await apologise(ctx, unit, fallbackLanguage, error).catch((e: unknown) =>
        deps.logger.warn({ err: e, updateId }, 'could not send the apology'),
      );
    }
  };
}

async function recordProcessed(deps: BotDeps, updateId: number): Promise<void> {
  await deps.database.db.processedUpdate.createMany({
    data: [{ platform: deps.platform.platform, botId: deps.botId, updateId: BigInt(updateId) }],
    skipDuplicates: true,
  });
}

/** A domain error explains itself (errors:<CODE>); anything else gets the generic apology. */
async function apologise(ctx: BotContext, unit: UpdateUnit | undefined, fallback: Language, error: unknown): Promise<void> {
  const t = unit?.t ?? translator(fallback);
  const text = isDomainError(error) ? t(`errors:${error.code}`, error.params) : t('bot:error.generic');
  if (ctx.callbackQuery && !unit?.callbackAnswered) {
    await ctx.answerCallbackQuery({ text: text.slice(0, 190) }).catch(() => undefined);
  }
  if (ctx.chatId !== undefined) await ctx.api.sendMessage(ctx.chatId, text);
}
