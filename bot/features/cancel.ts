/** /cancel leaves any conversation (installed before every conversation, so it is never taken as an answer). */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const cancelFeature = new Composer<BotContext>();

cancelFeature.command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? 'bot:cancel.done' : 'bot:cancel.nothing'));
});
