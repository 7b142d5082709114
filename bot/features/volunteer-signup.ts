/**
 * Signing up as a volunteer, or for "service for service", at the chosen
 * center: /volunteer, /serviceforservice and the two menu entries start the
 * sign-up conversation (bot/conversations/volunteer-signup.ts).
 */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { VOLUNTEER_SIGNUP, volunteerSignupConversation, type SignupOptions } from '../conversations/volunteer-signup.ts';
import { VOLUNTEER_MENU } from '../keyboards/volunteer.ts';

export const volunteerSignupFeature = new Composer<BotContext>();

// First, so that a running sign-up gets its answers; commands and buttons leave it (volunteer-ask.ts).
volunteerSignupFeature.use(createConversation<BotContext, ConversationContext>(volunteerSignupConversation, VOLUNTEER_SIGNUP));

async function startSignup(ctx: BotContext, options: SignupOptions): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(VOLUNTEER_SIGNUP, options);
}

volunteerSignupFeature.command('volunteer', (ctx) => startSignup(ctx, { serviceForService: false }));
volunteerSignupFeature.command('serviceforservice', (ctx) => startSignup(ctx, { serviceForService: true }));

volunteerSignupFeature.callbackQuery(VOLUNTEER_MENU.signup, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startSignup(ctx, { serviceForService: false });
});

volunteerSignupFeature.callbackQuery(VOLUNTEER_MENU.serviceForService, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startSignup(ctx, { serviceForService: true });
});
