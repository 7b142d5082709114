/**
 * A credit no reported gift accounts for (cash from the mosque's box paid in at the branch, a
 * donor who never told the bot) is recorded as an anonymous gift to the fund a person picks,
 * through core's recordDonation -- the one path for a gift staff record: it refuses a trace
 * number already on a live gift of the center, and confirms at once only when the one
 * recording may confirm gifts (the finance officer, the county office); recorded by the chair
 * it waits for the finance officer like any other. The line is marked as accounted for by the
 * gift in the same transaction.
 *
 * The gift keeps the bank's amount to the Rial: a credit of 1,234,567 Rials is that gift, not
 * one rounded to the Toman a form would type, or the month's reconciliation would never close.
 *
 * Its trace number is the line's. A line without one (cash paid in at the branch, which many
 * exports list with no trace) still becomes a gift: a staff-recorded cash gift must name its
 * proof, and here the proof is this statement line, so its trace number is `stmt:` and the
 * line's id (without its dashes, as codes are kept) -- unique (one gift per line, and no bank
 * trace looks like it, so it can neither block nor match a real transfer) and short enough
 * for the field, where the line's key, a hash, is not.
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, withinTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fund } from '../giving/shared.ts';
import { recordDonationInput, recordParsedDonation } from '../giving/record-donation.ts';
import { amount, id, optionalText, parseInput } from '../input/schemas.ts';
import { statementCenter } from './shared.ts';

export const recordStatementCreditInput = z.object({
  lineId: id,
  fund: fund.default('GENERAL'),
  note: optionalText(1000),
});
export type RecordStatementCreditInput = z.input<typeof recordStatementCreditInput>;

/** The proof a traceless line gives its gift, in the trace number's place (see above). */
const statementLineProof = (lineId: string) => `stmt:${lineId.replace(/-/g, '')}`;

/** A booked line's Rials within a gift's bounds; made once, not per line recorded. */
const bookedAmount = amount('RIAL');

export async function recordStatementCredit(ctx: Ctx, actor: Actor, raw: RecordStatementCreditInput): Promise<Donation> {
  const input = parseInput(recordStatementCreditInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `statement-line:${input.lineId}`);
    const line = await tx.statementLine.findUnique({ where: { id: input.lineId } });
    if (!line) throw new DomainError('NOT_FOUND', { entity: 'StatementLine' });
    await statementCenter(tx, actor, line.centerId);
    if (line.direction !== 'CREDIT') throw new DomainError('STATEMENT_LINE_NOT_CREDIT');
    if (line.donationId) throw new DomainError('STATEMENT_LINE_ALREADY_MATCHED');
    const gift = await recordParsedDonation(withinTransaction(ctx, tx), actor, {
      ...parseInput(recordDonationInput, {
        centerId: line.centerId,
        kind: 'CASH',
        fund: input.fund,
        traceNumber: line.traceNumber ?? statementLineProof(line.id),
        // The bank's day: noon of it in Tehran, as the gift form files a day.
        paidAt: line.bookedOn.toISOString().slice(0, 10),
        note: input.note ?? line.description ?? undefined,
        idempotencyKey: `statement-line:${line.id}`,
      }),
      // Rials as the bank booked them (the parsed field holds Rials), within the gift's bounds.
      amountToman: parseInput(bookedAmount, line.amountRial),
    });
    await tx.statementLine.update({ where: { id: line.id }, data: { donationId: gift.id, matchedAt: ctx.clock.now() } });
    await audit(tx, actor, {
      action: 'statement.recordCredit',
      entity: 'StatementLine',
      entityId: line.id,
      before: { donationId: null },
      after: { donationId: gift.id, state: gift.state, receiptNo: gift.receiptNo },
    });
    return gift;
  });
}
