/**
 * Rejecting a reported donation or an approval request needs a reason the
 * donor or requester is told: asked here, then the rejection is made and the
 * next decision shown. If someone else decided meanwhile, the trustee is told
 * it was already decided.
 */
import { rejectDonationInput } from '../../core/giving/index.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { boardRole } from '../screens/board-roles.ts';
import { decisionScreen, sendDecision } from '../screens/decisions.ts';
import { ask, ok, textOf, wrong, type Answer } from './volunteer-ask.ts';
import { decisionRefusalKey } from './trustee-refusals.ts';

export const TRUSTEE_REJECT_REASON = 'trusteeRejectReason';

export interface RejectTarget {
  /** 'd' a reported donation, 'r' an approval request. */
  y: 'd' | 'r';
  i: string;
  m: string;
  o: number;
}

function parseReason(ctx: ConversationContext): Answer<string> {
  const text = textOf(ctx);
  if (text === null) return wrong('trustee:approvals.reasonPlease');
  // Core's own rule for a reason, so the bot asks again where the panel would refuse.
  const parsed = rejectDonationInput.shape.reason.safeParse(text);
  if (parsed.success) return ok(parsed.data);
  const code = parsed.error.issues[0]?.message;
  return wrong(code === 'TEXT_NOT_VISIBLE' || code === 'TEXT_TOO_LONG' ? `errors:${code}` : 'trustee:approvals.reasonPlease');
}

export async function trusteeRejectReasonConversation(conversation: BotConversation, ctx: ConversationContext, target: RejectTarget): Promise<void> {
  const reason = await ask(conversation, ctx, { prompt: (t) => t('trustee:approvals.askReason'), parse: parseReason });
  const last = reason.ctx;
  const outcome = await conversation.external(async (o) => {
    const role = await boardRole(o, target.m);
    if (!role) return { ok: false as const, key: 'trustee:approvals.noLonger' };
    const rejected = await attempt(async () => {
      if (target.y === 'd') await o.core.giving.rejectDonation(role.actor, { donationId: target.i, reason: reason.value });
      else await o.core.approvals.decide(role.actor, { requestId: target.i, decision: 'REJECT', reason: reason.value });
    });
    return rejected.ok ? { ok: true as const } : { ok: false as const, key: decisionRefusalKey(rejected.code) };
  });
  await last.reply(last.t(outcome.ok ? 'trustee:approvals.rejected' : outcome.key));
  // The rejected item left the list, so the next one now stands at the same place.
  const next = await conversation.external((o) => decisionScreen(o, target.o));
  if (next.text !== null) await sendDecision(last, next);
  else await last.reply(last.t(next.total > 0 ? 'trustee:approvals.end' : 'trustee:approvals.none'));
}
