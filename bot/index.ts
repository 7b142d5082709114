/**
 * createBot: the grammY bot with its middleware in order — error boundary,
 * the update unit (transaction, dedupe, lock), chat account + language,
 * payments in the chat, session, conversations, feature composers (bot/features/index.ts; the
 * unhandled reply last). Polling and webhook both feed `bot.handleUpdate`.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import { Bot, type ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { chatAccountMiddleware } from './chat-account.ts';
import type { BotContext, ConversationContext } from './context.ts';
import { AUTO_RETRY, conversationPlugins } from './conversation-plugins.ts';
import type { BotDeps } from './deps.ts';
import { features } from './features/index.ts';
import { paymentsFeature } from './features/payments.ts';
import { chatSession, conversationStorage } from './session-storage.ts';
import { conversationKeyOf, markCallbackAnswered, updateUnit } from './update-unit.ts';

/** Bump when a conversation changes so that stored replay state no longer fits: old ones are dropped. */
export const CONVERSATIONS_VERSION = 2;

export interface CreateBotOptions {
  /** Tests pass `{ fetch }` (the fake Bot API); apiRoot defaults to the platform's. */
  client?: ApiClientOptions;
  /** Skips the getMe call of bot.init(). */
  botInfo?: UserFromGetMe;
}

export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: deps.platform.apiRoot, ...options.client },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(markCallbackAnswered);
  bot.api.config.use(autoRetry(AUTO_RETRY));

  // Error boundary: the update unit already apologised and rolled back; this only logs.
  bot.catch((err) => deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'bot middleware failed'));

  const platform = deps.platform.platform;
  bot.use(updateUnit(deps));
  bot.use(chatAccountMiddleware(deps));
  // Before session and conversations: a payment is answered whatever conversation is running.
  bot.use(paymentsFeature);
  bot.use(chatSession(deps));
  bot.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: 'key',
        version: CONVERSATIONS_VERSION,
        getStorageKey: (ctx) => conversationKeyOf(deps.botId, ctx),
        adapter: conversationStorage(platform),
      },
      plugins: conversationPlugins(deps.platform),
    }),
  );
  for (const feature of features) bot.use(feature);
  return bot;
}
