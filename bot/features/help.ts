/** /help and the menu entry: what the bot does and its commands. Does not leave a conversation. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { INFRA_MENU } from '../menu-items.ts';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', (ctx) => ctx.reply(ctx.t('bot:help.text')));

helpFeature.callbackQuery(INFRA_MENU.help, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('bot:help.text'));
});
