/** Reporting a gift of goods or a service: the conversation (bot/conversations/donor-gift.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_GIFT, donorGiftConversation } from '../conversations/donor-gift.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorGiftFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorGiftFeature.use(createConversation<BotContext, ConversationContext>(donorGiftConversation, DONOR_GIFT));
donorGiftFeature.callbackQuery(DONOR_MENU.gift, enterDonorFlow(DONOR_GIFT));
