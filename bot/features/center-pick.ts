/**
 * The county → center pick as a conversation, entered from /start and from the
 * menu's "choose center". Registered before the global commands (so they can
 * enter it); the conversation lets those commands through to them.
 */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { PICK_CENTER, pickCenterConversation } from '../conversations/start-pick-center.ts';
import { INFRA_MENU } from '../menu-items.ts';

export const centerPickConversations = new Composer<BotContext>();
centerPickConversations.use(createConversation<BotContext, ConversationContext>(pickCenterConversation, PICK_CENTER));

/** The menu entry, handled with the global commands (it works mid-conversation too). */
export const centerPickFeature = new Composer<BotContext>();
centerPickFeature.callbackQuery(INFRA_MENU.center, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PICK_CENTER);
});
