/**
 * One question of a donor conversation: send it, wait for the answer, and on
 * a wrong answer explain briefly and ask the same question again (never a
 * restart). A command or another feature's button leaves the conversation
 * and is handled as if no conversation were running; a button no feature
 * knows is answered as out of date and the question is asked again.
 */
import type { InlineKeyboard, Keyboard } from 'grammy';
import { isKnownButton } from '../../messenger/callback-data.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import type { Parsed } from './donor-parse.ts';

/** Every button of the donor conversations starts with this, so foreign buttons are told apart. */
export const DONOR_BUTTON_PREFIX = 'dn:';

export interface QuestionSpec<T> {
  prompt: (t: TFunction) => string;
  keyboard?: (t: TFunction) => InlineKeyboard | Keyboard;
  /** A button of this question → its value; null when the button belongs elsewhere (an old question). */
  onButton?: (data: string) => T | null;
  /** Typed text → the value, or the locale key explaining what is wrong. */
  onText?: (text: string) => Parsed<T>;
  /** Other messages (a contact, a photo); null when this question does not take them. */
  onMessage?: (ctx: ConversationContext) => Parsed<T> | null;
}

export interface Dialog {
  /** The context of the latest update (replies go through it). */
  readonly ctx: ConversationContext;
  ask<T>(spec: QuestionSpec<T>): Promise<T>;
  say(text: string, other?: Parameters<ConversationContext['reply']>[1]): Promise<unknown>;
}

function isCommand(ctx: ConversationContext): boolean {
  return ctx.message?.text?.startsWith('/') ?? false;
}

function parseAnswer<T>(spec: QuestionSpec<T>, ctx: ConversationContext): Parsed<T> {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    const value = spec.onButton?.(data) ?? null;
    return value === null ? { ok: false, error: 'donor:common.staleButton' } : { ok: true, value };
  }
  const text = ctx.message?.text;
  if (text !== undefined && spec.onText) return spec.onText(text);
  const other = spec.onMessage?.(ctx);
  if (other) return other;
  return { ok: false, error: spec.onText ? 'donor:common.textOnly' : 'donor:common.chooseButton' };
}

export function dialog(conversation: BotConversation, first: ConversationContext): Dialog {
  let current = first;

  async function send<T>(spec: QuestionSpec<T>, explanation?: string) {
    const t = current.t;
    const text = explanation ? `${explanation}\n\n${spec.prompt(t)}` : spec.prompt(t);
    const markup = spec.keyboard?.(t);
    await current.reply(text, markup ? { reply_markup: markup } : {});
  }

  return {
    get ctx() {
      return current;
    },
    async say(text, other) {
      return current.reply(text, other);
    },
    async ask<T>(spec: QuestionSpec<T>): Promise<T> {
      await send(spec);
      for (;;) {
        const answer = await conversation.wait();
        // Another feature's button leaves; a button nobody handles (junk, or one from a removed
        // feature) is answered as out of date below and the question stands.
        const data = answer.callbackQuery?.data;
        const foreignButton = data !== undefined && !data.startsWith(DONOR_BUTTON_PREFIX) && isKnownButton(data);
        if (isCommand(answer) || foreignButton) await conversation.halt({ next: true });
        if (!answer.message && !answer.callbackQuery) await conversation.skip();
        current = answer;
        const parsed = parseAnswer(spec, answer);
        if (answer.callbackQuery) {
          await answer.answerCallbackQuery(parsed.ok ? {} : { text: answer.t('donor:common.staleButton') });
        }
        if (parsed.ok) return parsed.value;
        await send(spec, answer.t(parsed.error, parsed.params));
      }
    },
  };
}
