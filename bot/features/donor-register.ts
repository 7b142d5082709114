/** Registering as a donor: the conversation (bot/conversations/donor-register.ts) and its menu entry. */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, ConversationContext } from '../context.ts';
import { DONOR_REGISTER, donorRegisterConversation } from '../conversations/donor-register.ts';
import { enterDonorFlow } from '../conversations/donor-entry.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorRegisterFeature = new Composer<BotContext>();

// The conversation first: entering one that the update has not passed yet fails.
donorRegisterFeature.use(createConversation<BotContext, ConversationContext>(donorRegisterConversation, DONOR_REGISTER));
donorRegisterFeature.callbackQuery(DONOR_MENU.register, enterDonorFlow(DONOR_REGISTER));
