/**
 * Corrects a confirmed gift the only way the books allow: a new REVERSED row
 * that points at it and carries the same amount (never an edit; the database
 * freezes confirmed rows). Imdad staff only. The pledge installment the gift
 * paid is debited again, so a pledge may return from FULFILLED to ACTIVE.
 * Reversing cash takes it back out of its fund: under the fund's lock (the one
 * every spender takes), and refused when that money was already spent, so the
 * fund never goes below zero however many reversals and distributions race.
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
import { fundBalanceRial, fundLockKey } from '../funds/fund-balance.ts';
import { applyToInstallment, centerScope, donorPersonId, loadCenter } from './shared.ts';

export const reverseDonationInput = z.object({
  donationId: id,
  // Told to the donor: it must say something (not only spaces or joiners).
  reason: text(1000).refine((s) => /[\p{L}\p{N}]/u.test(s), { message: 'REQUIRED' }),
});
export type ReverseDonationInput = z.input<typeof reverseDonationInput>;

/** What a reversal repeats of the gift it takes back: who gave what to which center and fund, and when. */
export function mirrorOf(gift: Donation) {
  return {
    centerId: gift.centerId,
    donorId: gift.donorId,
    kind: gift.kind,
    fund: gift.fund,
    amountRial: gift.amountRial,
    sandoghAccountNo: gift.sandoghAccountNo,
    itemDescription: gift.itemDescription,
    quantity: gift.quantity,
    unit: gift.unit,
    estimatedValueRial: gift.estimatedValueRial,
    serviceDescription: gift.serviceDescription,
    serviceHours: gift.serviceHours,
    // The same day as the gift, so the month it was counted in is corrected too.
    paidAt: gift.paidAt,
  } satisfies Partial<Donation>;
}

export async function reverseDonation(ctx: Ctx, actor: Actor, raw: ReverseDonationInput): Promise<Donation> {
  const input = parseInput(reverseDonationInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `donation:${input.donationId}`);
    const target = await tx.donation.findUnique({ where: { id: input.donationId }, include: { reversedBy: true } });
    if (!target) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
    authorize(actor, 'donation.reverse', centerScope(await loadCenter(tx, target.centerId)));
    if (target.state !== 'CONFIRMED' || target.reversedBy) throw new DomainError('INVALID_STATE', { state: target.state });
    if (target.kind === 'CASH') {
      await lockKey(tx, fundLockKey(target.centerId, target.fund));
      const balance = await fundBalanceRial(tx, target.centerId, target.fund);
      if (target.amountRial! > balance) throw new DomainError('FUND_WOULD_GO_NEGATIVE', { fund: target.fund });
    }

    const now = ctx.clock.now();
    const reversal = await tx.donation.create({
      data: {
        ...mirrorOf(target),
        pledgeId: target.pledgeId,
        installmentId: target.installmentId,
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
