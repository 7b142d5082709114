/** Starting a donor flow from its menu button: whatever was going on is left first (like /menu). */
import type { BotContext } from '../context.ts';

export function enterDonorFlow(name: string) {
  return async (ctx: BotContext): Promise<void> => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(name);
  };
}
