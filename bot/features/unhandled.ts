/** Last: a message nobody took gets a short hint; a button nobody took was out of date. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('bot:stale.button') }));

unhandledFeature.on('message', (ctx) => ctx.reply(ctx.t('bot:unhandled.hint')));
