/** Making a pledge: the conversation (bot/conversations/donor-pledge.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_PLEDGE, donorPledgeConversation } from '../conversations/donor-pledge.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorPledgeFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorPledgeFeature.use(createConversation<BotContext, ConversationContext>(donorPledgeConversation, DONOR_PLEDGE));
donorPledgeFeature.callbackQuery(DONOR_MENU.pledge, enterDonorFlow(DONOR_PLEDGE));
