/**
 * A trustee links this chat to their board membership with the one-time code
 * county staff gave them: /link (optionally with the code) or the menu entry.
 */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { TRUSTEE_LINK, trusteeLinkConversation, type LinkArgs } from '../conversations/trustee-link.ts';
import { acknowledgeConductButton, TRUSTEE_MENU } from '../keyboards/trustee.ts';
import { attempt } from '../attempt.ts';

export const trusteeLinkFeature = new Composer<BotContext>();

// First, so that a code being typed reaches the conversation; commands and buttons leave it.
trusteeLinkFeature.use(createConversation<BotContext, ConversationContext>(trusteeLinkConversation, TRUSTEE_LINK));

async function startLink(ctx: BotContext, args: LinkArgs): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(TRUSTEE_LINK, args);
}

trusteeLinkFeature.command('link', (ctx) => startLink(ctx, ctx.match.trim() ? { code: ctx.match.trim() } : {}));

trusteeLinkFeature.callbackQuery(TRUSTEE_MENU.link, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startLink(ctx, {});
});

// The appointee's own acknowledgement of the conduct points, offered once the chat is linked.
trusteeLinkFeature.callbackQuery(acknowledgeConductButton.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const membershipId = acknowledgeConductButton.decode(ctx.callbackQuery.data)?.m;
  if (!membershipId) return;
  const done = await attempt(() => ctx.core.trustees.acknowledgeConduct(ctx.actors.chat(), { membershipId }));
  await ctx.reply(done.ok ? ctx.t('trustee:conduct.recorded') : ctx.t(`errors:${done.code}`));
});
