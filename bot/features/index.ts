/**
 * Feature composers in order:
 *  1. the infra conversations the global commands enter (they let global updates through);
 *  2. global commands and buttons (/start /cancel /menu /language /help, lang:*, menu:center|language|help),
 *     before every feature conversation, so "/cancel" is never taken as an answer;
 *  3. each helper's block (its createConversation before the handlers that enter it);
 *  4. unhandled, always last.
 */
import type { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { cancelFeature } from './cancel.ts';
import { centerPickConversations, centerPickFeature } from './center-pick.ts';
import { donorCancelFeature } from './donor-cancel.ts';
import { donorFeedbackFeature } from './donor-feedback.ts';
import { donorGiftFeature } from './donor-gift.ts';
import { donorHistoryFeature } from './donor-history.ts';
import { donorPayFeature } from './donor-pay.ts';
import { donorPledgeFeature } from './donor-pledge.ts';
import { donorRegisterFeature } from './donor-register.ts';
import { donorTransparencyFeature } from './donor-transparency.ts';
import { helpFeature } from './help.ts';
import { languageFeature } from './language.ts';
import { menuFeature } from './menu.ts';
import { startFeature } from './start.ts';
import { unhandledFeature } from './unhandled.ts';
import { remindersFeature } from './reminders.ts';
import { trusteeApprovalsFeature } from './trustee-approvals.ts';
import { trusteeDigestFeature } from './trustee-digest.ts';
import { trusteeLinkFeature } from './trustee-link.ts';
import { trusteeNetworksFeature } from './trustee-networks.ts';
import { trusteeTasksFeature } from './trustee-tasks.ts';
import { volunteerNetworksFeature } from './volunteer-networks.ts';
import { volunteerSignupFeature } from './volunteer-signup.ts';
import { volunteerStatusFeature } from './volunteer-status.ts';

export const features: Composer<BotContext>[] = [
  // ── infra: conversations entered by global commands ──
  centerPickConversations,
  // ── infra: global commands and buttons ──
  cancelFeature,
  startFeature,
  menuFeature,
  languageFeature,
  helpFeature,
  centerPickFeature,
  // ── donors ──
  donorRegisterFeature,
  donorPledgeFeature,
  donorPayFeature,
  donorGiftFeature,
  donorCancelFeature,
  donorHistoryFeature,
  donorTransparencyFeature,
  donorFeedbackFeature,
  // ── volunteers and trustees ──
  volunteerSignupFeature,
  volunteerStatusFeature,
  volunteerNetworksFeature,
  trusteeLinkFeature,
  trusteeTasksFeature,
  trusteeApprovalsFeature,
  trusteeDigestFeature,
  trusteeNetworksFeature,
  // ── reminders ──
  remindersFeature,
  // ── infra: always last ──
  unhandledFeature,
];
