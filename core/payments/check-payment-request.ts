/**
 * The messenger's pre-checkout query: may this invoice be paid now? Only while its
 * pending payment is still valid -- the center licensed and still taking payments into the
 * same card, the amount the one invoiced, not expired, not already paid (the invoice, or
 * its installment another way). The bot answers the messenger within seconds with this
 * answer: a refusal's code is the sentence the payment sheet shows the donor.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx, Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope } from '../giving/shared.ts';
import { settingOffersPayments } from './shared.ts';

export const checkPaymentRequestInput = z.object({
  /** The invoice payload as the messenger sent it back. */
  reference: id,
  /** What the payment sheet is about to charge, in Rials. */
  amountRial: z.bigint({ message: 'INVALID_AMOUNT' }),
});
export type CheckPaymentRequestInput = z.input<typeof checkPaymentRequestInput>;

/** Why an invoice's installment can no longer take this amount (null: it can). */
async function installmentRefusal(tx: Pick<Tx, 'pledgeInstallment'>, installmentId: string | null, amountRial: bigint): Promise<DomainError | null> {
  if (!installmentId) return null;
  const inst = await tx.pledgeInstallment.findUniqueOrThrow({ where: { id: installmentId }, include: { pledge: true } });
  if (inst.state === 'PAID' || inst.pledge.state === 'FULFILLED') return new DomainError('PAYMENT_ALREADY_PAID');
  if (inst.state === 'CANCELLED' || inst.pledge.state !== 'ACTIVE') return new DomainError('INVALID_STATE', { state: inst.pledge.state });
  // Part of it was paid another way since the invoice: it now asks for more than is owed.
  const owed = inst.scheduledAmountRial === null ? null : inst.scheduledAmountRial - inst.paidAmountRial;
  if (owed !== null && amountRial > owed && inst.paidAmountRial > 0n) return new DomainError('PAYMENT_AMOUNT_CHANGED');
  return null;
}

export async function checkPaymentRequest(ctx: Ctx, actor: Actor, raw: CheckPaymentRequestInput): Promise<{ ok: true }> {
  const input = parseInput(checkPaymentRequestInput, raw);
  const request = await ctx.db.paymentRequest.findUnique({
    where: { reference: input.reference },
    include: { center: { include: { paymentSetting: true } } },
  });
  if (!request) throw new DomainError('NOT_FOUND', { entity: 'PaymentRequest' });
  const center = request.center;
  // The donor who asked for the invoice pays it (an invoice forwarded to someone else is refused).
  authorize(actor, 'donation.report', centerScope(center, request.donorId));
  if (request.state === 'PAID') throw new DomainError('PAYMENT_ALREADY_PAID');
  const refusal = await installmentRefusal(ctx.db, request.installmentId, request.amountRial);
  if (refusal) throw refusal;
  if (request.expiresAt.getTime() <= ctx.clock.now().getTime()) throw new DomainError('PAYMENT_EXPIRED');
  if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
  const setting = center.paymentSetting;
  if (!settingOffersPayments(setting, center) || setting.cardNumber !== request.cardNumber) throw new DomainError('PAYMENT_NOT_OFFERED');
  if (input.amountRial !== request.amountRial) throw new DomainError('PAYMENT_AMOUNT_CHANGED');
  return { ok: true };
}
