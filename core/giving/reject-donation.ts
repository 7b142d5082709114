/**
 * The finance officer or county staff reject a reported gift (the payment
 * was not found, the proof is unreadable, ...) with a reason the donor is told.
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx, type Tx } from '../context.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { lockDonationForDecision } from './confirm-donation.ts';
import { donorPersonId } from './shared.ts';

export const rejectDonationInput = z.object({
  donationId: id,
  reason: text(1000),
});
export type RejectDonationInput = z.input<typeof rejectDonationInput>;

const REJECTED_TEMPLATE: Record<Donation['kind'], string> = {
  CASH: 'donation.rejected',
  IN_KIND: 'donation.goodsRejected',
  SERVICE: 'donation.serviceRejected',
};

/** Rejects inside the caller's transaction (also used by the approval handler). */
export async function rejectDonationInTx(tx: Tx, ctx: Ctx, actor: Actor, donationId: string, reason: string): Promise<Donation> {
  const { donation } = await lockDonationForDecision(tx, actor, donationId);
  const rejected = await tx.donation.update({
    where: { id: donation.id },
    data: { state: 'REJECTED', rejectedAt: ctx.clock.now(), rejectedById: personOf(actor), rejectReason: reason },
  });
  await audit(tx, actor, {
    action: 'donation.reject',
    entity: 'Donation',
    entityId: donation.id,
    before: { state: donation.state },
    after: { state: rejected.state, reason },
  });
  await notifyPerson(tx, await donorPersonId(tx, donation.donorId), {
    // The donor is told what was not confirmed: a payment, goods handed over, or a service.
    template: REJECTED_TEMPLATE[donation.kind],
    params: { reason },
    dedupeKey: `donation.rejected:${donation.id}`,
  });
  return rejected;
}

export async function rejectDonation(ctx: Ctx, actor: Actor, raw: RejectDonationInput): Promise<Donation> {
  const input = parseInput(rejectDonationInput, raw);
  return inTransaction(ctx, (tx) => rejectDonationInTx(tx, ctx, actor, input.donationId, input.reason));
}
