/**
 * What every context inside a conversation gets. Conversations 2.x build their
 * own Api objects that do NOT inherit bot.api transformers, so auto-retry and
 * the "button answered" marker are installed here again.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import type { MiddlewareFn } from 'grammy';
import type { PlatformConfig } from '../messenger/platform.ts';
import type { BotConversation, ConversationContext } from './context.ts';
import { isGlobalUpdate } from './global-updates.ts';
import { currentUnit, markCallbackAnswered } from './update-unit.ts';

/** Bounded: a retry holds the update's transaction (and the chat's lock) open. */
export const AUTO_RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 10 } as const;

function hydrate(platform: PlatformConfig): MiddlewareFn<ConversationContext> {
  return async (ctx, next) => {
    const unit = currentUnit();
    // Read at call time: /language may switch this update's language.
    ctx.t = (key, params) => unit.t(key, params);
    Object.defineProperty(ctx, 'language', { get: () => unit.language, configurable: true });
    ctx.platform = platform;
    ctx.api.config.use(markCallbackAnswered);
    ctx.api.config.use(autoRetry(AUTO_RETRY));
    await next();
  };
}

/**
 * Waits seen in the current replay of a conversation: the first one returns
 * the update that entered it (often /start itself), which must not be skipped.
 */
const waitsSeen = new WeakMap<object, number>();

function letGlobalUpdatesThrough(conversation: BotConversation): MiddlewareFn<ConversationContext> {
  return async (ctx, next) => {
    const seen = (waitsSeen.get(conversation) ?? 0) + 1;
    waitsSeen.set(conversation, seen);
    if (seen > 1 && isGlobalUpdate(ctx)) await conversation.skip({ next: true });
    await next();
  };
}

export function conversationPlugins(platform: PlatformConfig) {
  return (conversation: BotConversation): MiddlewareFn<ConversationContext>[] => [
    hydrate(platform),
    letGlobalUpdatesThrough(conversation),
  ];
}
