/** /help and the menu entry: what the bot does and its commands. Does not leave a conversation. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', (ctx) => ctx.reply(ctx.t('bot:help.text')));

helpFeature.callbackQuery('menu:help', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('bot:help.text'));
});
