/**
 * Calling core from the donor flows: inside `conversation.external`, with the
 * update's BotContext. A DomainError comes back as a plain value (its code is
 * the locale key errors:<CODE>) so the conversation can explain it and go on;
 * anything else is thrown to the error boundary.
 */
import type { ErrorCode } from '../../core/errors.ts';
import { attempt as attemptInSavepoint } from '../core-attempt.ts';
import type { BotContext } from '../context.ts';
import { historyView, type HistoryView } from './donor-views.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; field: string | null };

/** bot/core-attempt.ts's savepoint-guarded attempt, reporting the refused field for re-asking. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  const outcome = await attemptInSavepoint(fn);
  if (outcome.ok) return outcome;
  const field = outcome.params.field;
  return { ok: false, code: outcome.code, field: field === undefined ? null : String(field) };
}

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

/** "now" of the core clock (fake in tests), as an ISO string. */
export function nowIso(ctx: BotContext): string {
  return ctx.core.ctx.clock.now().toISOString();
}
