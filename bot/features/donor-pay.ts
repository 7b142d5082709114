/** Reporting a payment against a pledge or as a direct gift: the conversation (bot/conversations/donor-pay.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_PAY, donorPayConversation } from '../conversations/donor-pay.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorPayFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorPayFeature.use(createConversation<BotContext, ConversationContext>(donorPayConversation, DONOR_PAY));
donorPayFeature.callbackQuery(DONOR_MENU.pay, enterDonorFlow(DONOR_PAY));
