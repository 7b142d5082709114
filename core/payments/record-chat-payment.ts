/**
 * The messenger reports a payment (a successful_payment message): it becomes the donor's
 * gift in one transaction. When everything checks out -- the messenger's own inquiry says
 * paid (where it offers one), the amount is the invoice's, the invoice and its installment
 * were not paid already, the center is licensed -- the gift is CONFIRMED through the same
 * path as a person's confirmation (core/giving/confirm-donation.ts: the center's next
 * gap-free receipt number, the installment credited, audit, the receipt to the donor
 * through the outbox). Otherwise it is REPORTED with the messenger's payment ids as proof
 * (the bank's reference as its trace number) for a person to confirm, or to reject and
 * refund: money that arrived is never left out of the books (rule 2).
 *
 * The messenger's charge id is unique: a redelivered payment message returns what the
 * first one booked and changes nothing. Two payments for one installment (two invoices
 * paid at once) queue on the pledge's lock: the first is confirmed, the second is REPORTED
 * as ALREADY_PAID for a refund decision.
 */
import { z } from 'zod';
import { Platform, PaymentInquiry, type ChatPaymentOutcome, type PaymentRequest } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { confirmDonationInTx } from '../giving/confirm-donation.ts';
import { centerScope, donorPersonId } from '../giving/shared.ts';

export const recordChatPaymentInput = z.object({
  /** The invoice payload. */
  reference: id,
  platform: z.enum(Platform, { message: 'VALIDATION' }),
  /** successful_payment.telegram_payment_charge_id. */
  chargeId: z.string({ message: 'REQUIRED' }).min(1, { message: 'REQUIRED' }).max(200, { message: 'VALIDATION' }),
  /** successful_payment.provider_payment_charge_id. */
  providerChargeId: z.string({ message: 'REQUIRED' }).max(200, { message: 'VALIDATION' }),
  /** What was paid, in Rials (the bot converts the messenger's units). */
  amountRial: z.bigint({ message: 'INVALID_AMOUNT' }).positive({ message: 'INVALID_AMOUNT' }),
  /** What the messenger's transaction inquiry said (the bot asks it first where the platform has one). */
  inquiry: z.enum(PaymentInquiry, { message: 'VALIDATION' }),
});
export type RecordChatPaymentInput = z.input<typeof recordChatPaymentInput>;

export interface ChatPaymentResult {
  outcome: ChatPaymentOutcome;
  donationId: string;
  /** The receipt number when it was confirmed. */
  receiptNo: number | null;
  /** This payment had been recorded before (a redelivered message): nothing changed now. */
  repeated: boolean;
}

/** Why this payment cannot be confirmed without a person, or CONFIRMED. */
async function outcomeOf(tx: Tx, request: PaymentRequest, input: z.output<typeof recordChatPaymentInput>, licensed: boolean): Promise<ChatPaymentOutcome> {
  if (request.state === 'PAID') return 'ALREADY_PAID';
  if (request.installmentId) {
    const inst = await tx.pledgeInstallment.findUniqueOrThrow({ where: { id: request.installmentId }, include: { pledge: true } });
    if (inst.state === 'PAID' || inst.state === 'CANCELLED' || inst.pledge.state !== 'ACTIVE') return 'ALREADY_PAID';
  }
  if (!licensed) return 'CENTER_NOT_LICENSED';
  if (input.amountRial !== request.amountRial) return 'AMOUNT_DIFFERS';
  if (input.inquiry !== 'PAID' && input.inquiry !== 'NOT_OFFERED') return 'NOT_VERIFIED';
  return 'CONFIRMED';
}

export async function recordChatPayment(ctx: Ctx, actor: Actor, raw: RecordChatPaymentInput): Promise<ChatPaymentResult> {
  const input = parseInput(recordChatPaymentInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `chat-payment:${input.platform}:${input.chargeId}`);
    const seen = await tx.chatPayment.findUnique({
      where: { platform_chargeId: { platform: input.platform, chargeId: input.chargeId } },
      include: { donation: { select: { receiptNo: true } } },
    });
    if (seen) return { outcome: seen.outcome, donationId: seen.donationId, receiptNo: seen.donation.receiptNo, repeated: true };

    const found = await tx.paymentRequest.findUnique({ where: { reference: input.reference }, select: { id: true } });
    if (!found) throw new DomainError('NOT_FOUND', { entity: 'PaymentRequest' });
    await lockKey(tx, `payment-request:${found.id}`);
    const request = await tx.paymentRequest.findUniqueOrThrow({ where: { id: found.id }, include: { center: true } });
    // The messenger's word that money was paid: the bot passes it as a system actor.
    authorize(actor, 'donation.confirm', centerScope(request.center));
    // Decided under the pledge's lock, which every confirmation of its installments takes.
    if (request.pledgeId) await lockKey(tx, `pledge:${request.pledgeId}`);
    const outcome = await outcomeOf(tx, request, input, request.center.licenseState === 'LICENSED');
    const now = ctx.clock.now();

    const donation = await tx.donation.create({
      data: {
        centerId: request.centerId,
        donorId: request.donorId,
        pledgeId: request.pledgeId,
        // A second payment of a paid installment is not credited to it: a person decides (refund, or the next one).
        installmentId: outcome === 'ALREADY_PAID' ? null : request.installmentId,
        kind: 'CASH',
        fund: request.fund,
        amountRial: input.amountRial,
        sandoghAccountNo: request.sandoghAccountNo,
        traceNumber: input.providerChargeId.slice(0, 40) || input.chargeId.slice(0, 40),
        paidAt: now,
        idempotencyKey: `chat-payment:${input.platform}:${input.chargeId}`,
        reportedViaChatAccountId: request.chatAccountId,
      },
    });
    const payment = await tx.chatPayment.create({
      data: {
        paymentRequestId: request.id,
        platform: input.platform,
        chargeId: input.chargeId,
        providerChargeId: input.providerChargeId,
        amountRial: input.amountRial,
        inquiry: input.inquiry,
        outcome,
        donationId: donation.id,
        receivedAt: now,
      },
    });
    if (request.state === 'OPEN') await tx.paymentRequest.update({ where: { id: request.id }, data: { state: 'PAID', paidAt: now } });
    await audit(tx, actor, { action: 'payment.received', entity: 'Donation', entityId: donation.id, after: { ...payment, reference: request.reference } });

    if (outcome === 'CONFIRMED') {
      const confirmed = await confirmDonationInTx(tx, ctx, actor, donation.id);
      return { outcome, donationId: donation.id, receiptNo: confirmed.receiptNo, repeated: false };
    }
    // The donor learns the money arrived and that a person will confirm it (or, paid twice, see to a refund).
    await notifyPerson(tx, await donorPersonId(tx, donation.donorId), {
      template: outcome === 'ALREADY_PAID' ? 'payment.paidTwice' : 'payment.toReview',
      params: { amountRial: input.amountRial.toString() },
      dedupeKey: `payment.received:${donation.id}`,
    });
    return { outcome, donationId: donation.id, receiptNo: null, repeated: false };
  });
}
