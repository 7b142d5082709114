/** /menu: leaves whatever was going on and shows the main menu for this chat's roles. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { showMainMenu } from '../screens/main-menu.ts';

export const menuFeature = new Composer<BotContext>();

menuFeature.command('menu', async (ctx) => {
  await ctx.conversation.exitAll();
  await showMainMenu(ctx);
});
