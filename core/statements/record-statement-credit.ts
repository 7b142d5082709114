/**
 * A credit no reported gift accounts for (cash from the mosque's box paid in at the branch, a
 * donor who never told the bot) is recorded as an anonymous gift to the fund a person picks,
 * through core's recordDonation -- the one path for a gift staff record: it refuses a trace
 * number already on a live gift of the center, and confirms at once only when the one
 * recording may confirm gifts (the finance officer, the county office); recorded by the chair
 * it waits for the finance officer like any other. The line is marked as accounted for by the
 * gift in the same transaction.
 *
 * The gift's trace number is the line's: a line without one is refused (record it by hand
 * with the deposit's reference), and so is an amount of Rials that is no whole Toman, since
 * gifts are recorded in Toman.
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, withinTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fund } from '../giving/shared.ts';
import { recordDonation } from '../giving/record-donation.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { statementCenter } from './shared.ts';

export const recordStatementCreditInput = z.object({
  lineId: id,
  fund: fund.default('GENERAL'),
  note: optionalText(1000),
});
export type RecordStatementCreditInput = z.input<typeof recordStatementCreditInput>;

export async function recordStatementCredit(ctx: Ctx, actor: Actor, raw: RecordStatementCreditInput): Promise<Donation> {
  const input = parseInput(recordStatementCreditInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `statement-line:${input.lineId}`);
    const line = await tx.statementLine.findUnique({ where: { id: input.lineId } });
    if (!line) throw new DomainError('NOT_FOUND', { entity: 'StatementLine' });
    await statementCenter(tx, actor, line.centerId);
    if (line.direction !== 'CREDIT') throw new DomainError('STATEMENT_LINE_NOT_CREDIT');
    if (line.donationId) throw new DomainError('STATEMENT_LINE_ALREADY_MATCHED');
    if (!line.traceNumber) throw new DomainError('STATEMENT_LINE_NO_TRACE');
    if (line.amountRial % 10n !== 0n) throw new DomainError('STATEMENT_AMOUNT_NOT_WHOLE_TOMAN');
    const gift = await recordDonation(withinTransaction(ctx, tx), actor, {
      centerId: line.centerId,
      kind: 'CASH',
      fund: input.fund,
      amountToman: (line.amountRial / 10n).toString(),
      traceNumber: line.traceNumber,
      // The bank's day: noon of it in Tehran, as the gift form files a day.
      paidAt: line.bookedOn.toISOString().slice(0, 10),
      note: input.note ?? line.description ?? undefined,
      idempotencyKey: `statement-line:${line.id}`,
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
