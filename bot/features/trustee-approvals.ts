/**
 * What the trustee's roles may decide, one at a time: the finance officer
 * confirms or rejects reported donations (looking at the receipt photo), the
 * chair approves distributions above the threshold. A press on an item that
 * someone else already decided is answered "already decided".
 */
import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { digits } from '../../messenger/format.ts';
import { attempt } from '../attempt.ts';
import type { BotContext, ConversationContext } from '../context.ts';
import { TRUSTEE_REJECT_REASON, trusteeRejectReasonConversation, type RejectTarget } from '../conversations/trustee-reject-reason.ts';
import { decisionRefusalKey } from '../conversations/trustee-refusals.ts';
import { approveItem, nextItem, rejectItem, TRUSTEE_MENU } from '../keyboards/trustee.ts';
import { boardRole, myBoardRoles } from '../screens/board-roles.ts';
import { decisionScreen, pendingDecisions, sendDecision } from '../screens/decisions.ts';

export const trusteeApprovalsFeature = new Composer<BotContext>();

// First, so that a reason being typed reaches the conversation; commands and buttons leave it.
trusteeApprovalsFeature.use(createConversation<BotContext, ConversationContext>(trusteeRejectReasonConversation, TRUSTEE_REJECT_REASON));

export async function showFrom(ctx: BotContext, offset: number, intro: boolean): Promise<void> {
  if ((await myBoardRoles(ctx)).length === 0) {
    await ctx.reply(ctx.t('trustee:link.notTrustee'));
    return;
  }
  const screen = await decisionScreen(ctx, offset);
  if (screen.text === null) {
    await ctx.reply(ctx.t(screen.total > 0 ? 'trustee:approvals.end' : 'trustee:approvals.none'));
    return;
  }
  if (intro) await ctx.reply(ctx.t('trustee:approvals.count', { count: digits(screen.total, ctx.chatAccount.language) }));
  await sendDecision(ctx, screen);
}

/** The pressed item's buttons go: it is decided (or out of date) either way. */
async function dropButtons(ctx: BotContext): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
}

function decodeRef(data: string | undefined, codec: typeof approveItem): RejectTarget | null {
  const d = codec.decode(data);
  if (!d || (d.y !== 'd' && d.y !== 'r')) return null;
  const o = Number(d.o);
  return Number.isInteger(o) && o >= 0 ? { y: d.y, i: d.i, m: d.m, o } : null;
}

trusteeApprovalsFeature.command('approvals', async (ctx) => {
  await ctx.conversation.exitAll();
  await showFrom(ctx, 0, true);
});

trusteeApprovalsFeature.callbackQuery(TRUSTEE_MENU.approvals, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showFrom(ctx, 0, true);
});

trusteeApprovalsFeature.callbackQuery(nextItem.pattern, async (ctx) => {
  const o = Number(nextItem.decode(ctx.callbackQuery.data)?.o);
  if (!Number.isInteger(o) || o < 0) return;
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await showFrom(ctx, o, false);
});

/**
 * The item a button names and the board role it was shown for; null (after saying so) when
 * the press is not one of ours or the role is no longer held. Leaves any conversation.
 */
async function pressedItem(ctx: BotContext, codec: typeof approveItem) {
  const ref = decodeRef(ctx.callbackQuery?.data, codec);
  if (!ref) return null;
  await ctx.conversation.exitAll();
  const role = await boardRole(ctx, ref.m);
  if (!role) {
    await ctx.answerCallbackQuery({ text: ctx.t('trustee:approvals.noLonger'), show_alert: true });
    return null;
  }
  return { ref, role };
}

trusteeApprovalsFeature.callbackQuery(approveItem.pattern, async (ctx) => {
  const pressed = await pressedItem(ctx, approveItem);
  if (!pressed) return;
  const { ref, role } = pressed;
  const decided = await attempt(async () => {
    if (ref.y === 'd') return (await ctx.core.giving.confirmDonation(role.actor, { donationId: ref.i })).receiptNo;
    await ctx.core.approvals.decide(role.actor, { requestId: ref.i, decision: 'APPROVE' });
    return null;
  });
  if (!decided.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(decisionRefusalKey(decided.code)), show_alert: true });
    if (decided.code === 'INVALID_STATE' || decided.code === 'NOT_FOUND') await dropButtons(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  await dropButtons(ctx);
  const receiptNo = decided.value;
  await ctx.reply(
    receiptNo !== null
      ? ctx.t('trustee:approvals.confirmed', { receiptNo: digits(receiptNo, ctx.chatAccount.language) })
      : ctx.t('trustee:approvals.approved'),
  );
  // The decided item left the list: the next one now stands at the same place.
  await showFrom(ctx, ref.o, false);
});

trusteeApprovalsFeature.callbackQuery(rejectItem.pattern, async (ctx) => {
  const pressed = await pressedItem(ctx, rejectItem);
  if (!pressed) return;
  const { ref } = pressed;
  // Asking for a reason is pointless when the item is no longer waiting.
  const stillPending = (await pendingDecisions(ctx)).some((p) => p.item.id === ref.i && p.role.actor.membershipId === ref.m);
  if (!stillPending) {
    await ctx.answerCallbackQuery({ text: ctx.t('trustee:approvals.alreadyDecided'), show_alert: true });
    await dropButtons(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(TRUSTEE_REJECT_REASON, ref);
});
