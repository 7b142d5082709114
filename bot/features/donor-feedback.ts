/** Feedback or a complaint, anonymous if the sender wishes: the conversation (bot/conversations/donor-feedback.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_FEEDBACK, donorFeedbackConversation } from '../conversations/donor-feedback.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorFeedbackFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorFeedbackFeature.use(createConversation<BotContext, ConversationContext>(donorFeedbackConversation, DONOR_FEEDBACK));
donorFeedbackFeature.callbackQuery(DONOR_MENU.feedback, enterDonorFlow(DONOR_FEEDBACK));
