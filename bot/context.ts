/**
 * THE context type of the bot (outside conversations) and the one inside
 * conversations. Everything a handler needs hangs off ctx: core bound to the
 * update's transaction, the chat account, the translator, the actors.
 */
import type { Conversation, ConversationFlavor } from '@grammyjs/conversations';
import type { Context, SessionFlavor } from 'grammy';
import type { Core } from '../core/index.ts';
import type { Logger } from '../logger.ts';
import type { Language, TFunction } from '../messenger/i18n.ts';
import type { PlatformConfig } from '../messenger/platform.ts';
import type { ActorResolver } from '../core/security/chat-actors.ts';

/**
 * Per chat, stored in BotSession (JSON). Keep it small and JSON-safe; a feature
 * that needs a field adds an optional one here.
 */
export interface BotSession {
  /** The center this chat chose (deep link or county → center pick). */
  centerId?: string;
  /** Unused: ChatAccount.language is the source of truth (ctx.chatAccount.language). */
  language?: Language;
}

export interface ChatAccountInfo {
  id: string;
  personId: string | null;
  language: Language;
}

interface BotExtras {
  /** Core bound to this update's transaction: its writes commit or roll back with the update. */
  core: Core;
  logger: Logger;
  platform: PlatformConfig;
  chatAccount: ChatAccountInfo;
  /** Translate in the chat's language: ctx.t('bot:help.text'), ctx.t('errors:NOT_FOUND'). */
  t: TFunction;
  actors: ActorResolver;
}

type BaseContext = Context & SessionFlavor<BotSession> & BotExtras;

export type BotContext = ConversationFlavor<BaseContext>;

/**
 * Inside a conversation: a fresh grammY Context per update (no session, no core)
 * plus the translator and platform of the update being handled. Reach core,
 * session and actors only inside `conversation.external((ctx) => …)`, which
 * receives the outside BotContext.
 */
export type ConversationContext = Context & {
  t: TFunction;
  language: Language;
  platform: PlatformConfig;
};

export type BotConversation = Conversation<BotContext, ConversationContext>;
