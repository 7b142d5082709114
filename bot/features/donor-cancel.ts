/** Cancelling an active pledge: the conversation (bot/conversations/donor-cancel.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_CANCEL, donorCancelConversation } from '../conversations/donor-cancel.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorCancelFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorCancelFeature.use(createConversation<BotContext, ConversationContext>(donorCancelConversation, DONOR_CANCEL));
donorCancelFeature.callbackQuery(DONOR_MENU.cancelPledge, enterDonorFlow(DONOR_CANCEL));
