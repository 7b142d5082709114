/**
 * Corrects a confirmed gift the only way the books allow: a new REVERSED row
 * that points at it and carries the same amount (never an edit; the database
 * freezes confirmed rows). Imdad staff only. The pledge installment the gift
 * paid is debited again, so a pledge may return from FULFILLED to ACTIVE.
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { applyToInstallment, centerScope, donorPersonId, loadCenter } from './shared.ts';

export const reverseDonationInput = z.object({
  donationId: id,
  reason: text(1000),
});
export type ReverseDonationInput = z.input<typeof reverseDonationInput>;

export async function reverseDonation(ctx: Ctx, actor: Actor, raw: ReverseDonationInput): Promise<Donation> {
  const input = parseInput(reverseDonationInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `donation:${input.donationId}`);
    const target = await tx.donation.findUnique({ where: { id: input.donationId }, include: { reversedBy: true } });
    if (!target) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
    authorize(actor, 'donation.reverse', centerScope(await loadCenter(tx, target.centerId)));
    if (target.state !== 'CONFIRMED' || target.reversedBy) throw new DomainError('INVALID_STATE', { state: target.state });

    const now = ctx.clock.now();
    const reversal = await tx.donation.create({
      data: {
        centerId: target.centerId,
        donorId: target.donorId,
        pledgeId: target.pledgeId,
        installmentId: target.installmentId,
        kind: target.kind,
        fund: target.fund,
        amountRial: target.amountRial,
        sandoghAccountNo: target.sandoghAccountNo,
        itemDescription: target.itemDescription,
        quantity: target.quantity,
        unit: target.unit,
        estimatedValueRial: target.estimatedValueRial,
        serviceDescription: target.serviceDescription,
        serviceHours: target.serviceHours,
        // The same day as the gift, so the month it was counted in is corrected too.
        paidAt: target.paidAt,
        state: 'REVERSED',
        reversesId: target.id,
        reversalReason: input.reason,
        idempotencyKey: `reversal:${target.id}`,
      },
    });
    if (target.installmentId) {
      await lockKey(tx, `pledge:${target.pledgeId}`);
      await applyToInstallment(tx, target.installmentId, target.amountRial, -1, now);
    }
    await audit(tx, actor, {
      action: 'donation.reverse',
      entity: 'Donation',
      entityId: target.id,
      before: { state: target.state, receiptNo: target.receiptNo },
      after: { reversalId: reversal.id, reason: input.reason },
    });
    await notifyPerson(tx, await donorPersonId(tx, target.donorId), {
      template: 'donation.reversed',
      params: { receiptNo: target.receiptNo, reason: input.reason },
      dedupeKey: `donation.reversed:${target.id}`,
    });
    return reversal;
  });
}
