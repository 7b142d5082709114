/**
 * What the donor flows read through `conversation.external`, with the update's
 * BotContext: who is asking, their history, the core clock. (Their calls to core
 * go through bot/attempt.ts, so a refusal comes back as a plain value.)
 */
import type { BotContext } from '../context.ts';
import { historyView, openInstallments, type HistoryView, type PledgeView } from './donor-views.ts';

/** Who is asking: the chat's donor record and chosen center, if any. */
export interface DonorWhere {
  donor: boolean;
  centerId: string | null;
}

export async function donorWhere(ctx: BotContext): Promise<DonorWhere> {
  const donor = await ctx.actors.donor();
  return { donor: donor !== null, centerId: ctx.session.centerId ?? null };
}

/** The donor's pledges and donations as JSON, or null when the chat is not a donor. */
export async function loadHistory(ctx: BotContext): Promise<HistoryView | null> {
  const donor = await ctx.actors.donor();
  if (!donor) return null;
  return historyView(await ctx.core.reports.getDonorHistory(donor, { donorId: donor.donorId }));
}

/**
 * The donor's active pledges, each with only its installments still open (numbered as in
 * their whole history), or null when the chat is not a donor. What the pay, gift and cancel
 * flows offer, and all they keep: a conversation's row holds what it read for every later
 * step to read again, and a loyal donor's whole history of gifts would be most of it.
 */
export async function loadActivePledges(ctx: BotContext): Promise<PledgeView[] | null> {
  const history = await loadHistory(ctx);
  return history && history.pledges.filter((p) => p.state === 'ACTIVE').map((p) => ({ ...p, installments: openInstallments(p) }));
}

/** "now" of the core clock (fake in tests), as an ISO string. */
export function nowIso(ctx: BotContext): string {
  return ctx.core.ctx.clock.now().toISOString();
}
