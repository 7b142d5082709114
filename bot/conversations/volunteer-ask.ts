/**
 * One question of a volunteer or trustee conversation: send it, wait for the
 * answer, and on a wrong answer explain briefly and ask the same question
 * again. A command or any button press leaves the conversation and is
 * handled as if none were running (these conversations take typed answers
 * and reply-keyboard answers only).
 */
import type { InlineKeyboard, Keyboard } from 'grammy';
import type { ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { TFunction } from '../../messenger/i18n.ts';
import type { BotConversation, ConversationContext } from '../context.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Question<T> {
  prompt: (t: TFunction) => string;
  markup?: (t: TFunction) => Keyboard | InlineKeyboard | ReplyKeyboardMarkup | ReplyKeyboardRemove | InlineKeyboardMarkup | ForceReply;
  /** The answer's value, or the locale key explaining what is wrong with it. */
  parse: (ctx: ConversationContext) => Answer<T>;
}

export const ok = <T>(value: T): Answer<T> => ({ ok: true, value });
export const wrong = (error: string): Answer<never> => ({ ok: false, error });

/** Asks until the answer parses; returns the value and the context of the answering update. */
export async function ask<T>(conversation: BotConversation, ctx: ConversationContext, q: Question<T>): Promise<{ value: T; ctx: ConversationContext }> {
  const send = (c: ConversationContext, explanation?: string) => {
    const text = explanation ? `${explanation}\n\n${q.prompt(c.t)}` : q.prompt(c.t);
    const markup = q.markup?.(c.t);
    return c.reply(text, markup ? { reply_markup: markup } : {});
  };
  await send(ctx);
  for (;;) {
    const answer = await conversation.wait();
    if (answer.callbackQuery || answer.message?.text?.startsWith('/')) await conversation.halt({ next: true });
    // Edits, reactions and the like are not answers.
    if (!answer.message) await conversation.skip();
    const parsed = q.parse(answer);
    if (parsed.ok) return { value: parsed.value, ctx: answer };
    await send(answer, answer.t(parsed.error));
  }
}

/** Text of a message, or null. */
export function textOf(ctx: ConversationContext): string | null {
  return ctx.message?.text ?? null;
}
