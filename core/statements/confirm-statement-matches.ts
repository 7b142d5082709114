/**
 * A person confirms the matches they chose (credit line ↔ reported gift) in one action.
 * Each gift is confirmed by core's one confirm path (giving/confirm-donation.ts: the gift's
 * gap-free receipt number, its pledge installment, the audit row, the donor's message),
 * and its line is marked as accounted for by it -- the two in one transaction per match.
 *
 * Why a transaction per match rather than one for the batch: a batch of a thousand would
 * hold the center's receipt counter for its whole length, stalling the review queue, and two
 * batches taking their gifts' locks in different orders could deadlock each other. One per
 * match takes its locks in one order (the line, the gift, its pledge, the counter), as a
 * confirm from the review queue does, so they interleave safely: a gift
 * confirmed meanwhile -- by another session's batch, or by hand -- is reported back as
 * already decided, never confirmed twice (its lock and its state), and a line already
 * accounted for is not linked twice (its lock and the unique gift per line).
 *
 * Before confirming, the pair is checked again: the line is an open credit of this center and
 * the gift is a cash gift of this center with the line's amount -- what the proposal said may
 * have changed since the page was drawn.
 *
 * A gift that also waits as a DONATION_CONFIRMATION request is confirmed by approving that
 * request, in the same transaction, as the review queue does: the request is decided by the
 * same people who confirm gifts ('donation.confirm'), so sending the person to the approvals
 * for the same click would add a trip, not a check -- and confirming around the request
 * would leave it pending over a gift already decided.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { decideApproval } from '../approvals/decide-approval.ts';
import { inTransaction, lockKey, withinTransaction, type Ctx, type Tx } from '../context.ts';
import { DomainError, isDomainError, type ErrorCode } from '../errors.ts';
import { givingApprovalHandlers } from '../giving/approval-handlers.ts';
import { confirmDonationInTx } from '../giving/confirm-donation.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope } from '../giving/shared.ts';
import { statementCenter } from './shared.ts';

/** A thousand matches make a month of a busy center; more at once is a mistake. */
export const MAX_MATCHES_AT_ONCE = 2000;

export const confirmStatementMatchesInput = z.object({
  centerId: id,
  matches: z
    .array(z.object({ lineId: id, donationId: id }), { message: 'VALIDATION' })
    .min(1, { message: 'REQUIRED' })
    .max(MAX_MATCHES_AT_ONCE, { message: 'VALIDATION' }),
});
export type ConfirmStatementMatchesInput = z.input<typeof confirmStatementMatchesInput>;

export interface ConfirmedMatch {
  lineId: string;
  donationId: string;
  receiptNo: number;
}
export interface RefusedMatch {
  lineId: string;
  donationId: string;
  code: ErrorCode;
}
export interface ConfirmStatementMatchesResult {
  confirmed: ConfirmedMatch[];
  refused: RefusedMatch[];
}

async function confirmOne(tx: Tx, ctx: Ctx, actor: Actor, centerId: string, lineId: string, donationId: string): Promise<ConfirmedMatch> {
  await lockKey(tx, `statement-line:${lineId}`);
  const line = await tx.statementLine.findUnique({ where: { id: lineId } });
  if (!line || line.centerId !== centerId) throw new DomainError('NOT_FOUND', { entity: 'StatementLine' });
  if (line.direction !== 'CREDIT') throw new DomainError('STATEMENT_LINE_NOT_CREDIT');
  if (line.donationId) throw new DomainError('STATEMENT_LINE_ALREADY_MATCHED');
  const gift = await tx.donation.findUnique({ where: { id: donationId }, select: { centerId: true, kind: true, amountRial: true, state: true } });
  if (!gift || gift.centerId !== centerId) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
  if (gift.kind !== 'CASH' || gift.amountRial !== line.amountRial) throw new DomainError('STATEMENT_MATCH_AMOUNT_DIFFERS');
  // Said in the page's words; one decided in the instant after this read is still refused by
  // the confirm under the gift's lock (taken there, after the request's, in the review queue's order).
  if (gift.state !== 'REPORTED') throw new DomainError('STATEMENT_GIFT_NOT_WAITING', { state: gift.state });
  // A gift another line already accounts for (an anonymous credit recorded by the chair, waiting).
  if (await tx.statementLine.findUnique({ where: { donationId }, select: { id: true } })) throw new DomainError('STATEMENT_LINE_ALREADY_MATCHED');
  const pending = await tx.approvalRequest.findFirst({
    where: { kind: 'DONATION_CONFIRMATION', targetEntity: 'Donation', targetId: donationId, state: 'PENDING' },
    select: { id: true },
  });
  if (pending) await decideApproval(withinTransaction(ctx, tx), givingApprovalHandlers, actor, { requestId: pending.id, decision: 'APPROVE' });
  else await confirmDonationInTx(tx, ctx, actor, donationId);
  const confirmed = await tx.donation.findUniqueOrThrow({ where: { id: donationId }, select: { receiptNo: true } });
  await tx.statementLine.update({ where: { id: line.id }, data: { donationId, matchedAt: ctx.clock.now() } });
  await audit(tx, actor, {
    action: 'statement.match',
    entity: 'StatementLine',
    entityId: line.id,
    before: { donationId: null },
    after: { donationId, receiptNo: confirmed.receiptNo },
  });
  return { lineId, donationId, receiptNo: confirmed.receiptNo! };
}

export async function confirmStatementMatches(ctx: Ctx, actor: Actor, raw: ConfirmStatementMatchesInput): Promise<ConfirmStatementMatchesResult> {
  const input = parseInput(confirmStatementMatchesInput, raw);
  const center = await statementCenter(ctx.tx ?? ctx.db, actor, input.centerId, 'donation.confirm');
  // Asked once up front too, so a login that may not confirm is refused as a whole, not line by line.
  authorize(actor, 'donation.confirm', centerScope(center));
  const result: ConfirmStatementMatchesResult = { confirmed: [], refused: [] };
  const seenLines = new Set<string>();
  for (const { lineId, donationId } of input.matches) {
    if (seenLines.has(lineId)) continue;
    seenLines.add(lineId);
    // A line another session already accounted for is told at the cost of one read, not a
    // transaction: two people confirming the same thousand matches meet here for half of them.
    const current = await (ctx.tx ?? ctx.db).statementLine.findUnique({ where: { id: lineId }, select: { donationId: true } });
    if (current?.donationId) {
      result.refused.push({ lineId, donationId, code: 'STATEMENT_LINE_ALREADY_MATCHED' });
      continue;
    }
    try {
      result.confirmed.push(await inTransaction(ctx, (tx) => confirmOne(tx, ctx, actor, center.id, lineId, donationId)));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      result.refused.push({ lineId, donationId, code: e.code });
    }
  }
  return result;
}
