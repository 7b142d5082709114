/**
 * A donor chose "pay now": the pending payment their invoice stands for -- the center, the
 * donor, the pledge installment (or the fund of a one-time gift), the amount and how long
 * it may be paid -- with a short opaque reference the messenger hands back in the
 * pre-checkout query and the payment message. The bot sends the invoice; the card it names
 * is the center's (its payment setting), so the money reaches the Sandogh account directly.
 */
import { z } from 'zod';
import type { Fund } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { amount, id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, fund as fundSchema } from '../giving/shared.ts';
import { newPaymentReference, PAYMENT_REQUEST_TTL_MS, settingOffersPayments } from './shared.ts';

export const openPaymentRequestInput = z.object({
  centerId: id,
  /** A one-time gift's fund; a pledge's payment feeds the pledge's own fund. */
  fund: fundSchema.optional(),
  pledgeId: id.optional(),
  installmentId: id.optional(),
  amountToman: amount('TOMAN'),
});
export type OpenPaymentRequestInput = z.input<typeof openPaymentRequestInput>;

export interface PaymentInvoice {
  reference: string;
  amountRial: bigint;
  /** The card the invoice pays into (Bale's provider token). */
  cardNumber: string;
  centerName: string;
  fund: Fund;
  /** The installment's position in its pledge, when it pays one. */
  installmentSeq: number | null;
  expiresAt: Date;
}

/** The installment paid (the pledge's earliest open one when none is named), checked to be the donor's and open. */
async function pledgeTarget(tx: Tx, donorId: string, centerId: string, pledgeId: string, installmentId: string | undefined) {
  const pledge = await tx.pledge.findUnique({ where: { id: pledgeId } });
  if (!pledge || pledge.donorId !== donorId || pledge.centerId !== centerId) throw new DomainError('PLEDGE_NOT_OF_DONOR');
  if (pledge.kind !== 'CASH') throw new DomainError('PLEDGE_KIND_MISMATCH');
  if (pledge.state !== 'ACTIVE') throw new DomainError('INVALID_STATE', { state: pledge.state });
  const installment = installmentId
    ? await tx.pledgeInstallment.findUnique({ where: { id: installmentId } })
    : await tx.pledgeInstallment.findFirst({ where: { pledgeId, state: { in: ['PENDING', 'PARTIAL', 'MISSED'] } }, orderBy: { seq: 'asc' } });
  if (!installment || installment.pledgeId !== pledge.id) throw new DomainError('PLEDGE_NOT_OF_DONOR');
  if (installment.state === 'PAID') throw new DomainError('PAYMENT_ALREADY_PAID');
  if (installment.state === 'CANCELLED') throw new DomainError('INVALID_STATE', { state: installment.state });
  return { pledge, installment };
}

export async function openPaymentRequest(ctx: Ctx, actor: Actor, raw: OpenPaymentRequestInput): Promise<PaymentInvoice> {
  const input = parseInput(openPaymentRequestInput, raw);
  if (input.installmentId && !input.pledgeId) throw new DomainError('REQUIRED', { field: 'pledgeId' });
  if (!input.pledgeId && !input.fund) throw new DomainError('REQUIRED', { field: 'fund' });
  // An invoice goes to the donor's own chat: only a donor asking in the bot opens one.
  if (actor.kind !== 'donor' || !actor.chatAccountId) throw new DomainError('FORBIDDEN');
  const chatAccountId = actor.chatAccountId;
  return inTransaction(ctx, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId }, include: { paymentSetting: true } });
    if (!center) throw new DomainError('NOT_FOUND', { entity: 'Center' });
    authorize(actor, 'donation.report', centerScope(center, actor.donorId));
    if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
    const setting = center.paymentSetting;
    if (!settingOffersPayments(setting, center)) throw new DomainError('PAYMENT_NOT_OFFERED');
    const donor = await tx.donor.findUnique({ where: { id: actor.donorId } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');
    const target = input.pledgeId ? await pledgeTarget(tx, donor.id, center.id, input.pledgeId, input.installmentId) : null;

    const now = ctx.clock.now();
    const request = await tx.paymentRequest.create({
      data: {
        reference: newPaymentReference(),
        centerId: center.id,
        donorId: donor.id,
        pledgeId: target?.pledge.id ?? null,
        installmentId: target?.installment.id ?? null,
        fund: target?.pledge.fund ?? input.fund!,
        amountRial: input.amountToman,
        chatAccountId,
        cardNumber: setting.cardNumber,
        sandoghAccountNo: setting.sandoghAccountNo,
        expiresAt: new Date(now.getTime() + PAYMENT_REQUEST_TTL_MS),
        createdAt: now,
      },
    });
    await audit(tx, actor, { action: 'payment.invoice', entity: 'PaymentRequest', entityId: request.id, after: request });
    return {
      reference: request.reference,
      amountRial: request.amountRial,
      cardNumber: request.cardNumber,
      centerName: center.name,
      fund: request.fund,
      installmentSeq: target?.installment.seq ?? null,
      expiresAt: request.expiresAt,
    };
  });
}
