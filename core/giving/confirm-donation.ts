/**
 * The center's finance officer (ADMIN_FINANCE) or county staff confirm a
 * reported gift. It gets the center's next receipt number -- gap-free even
 * under concurrency, because the counter row is incremented with
 * UPDATE ... RETURNING inside this transaction (the row lock serialises
 * confirmations of one center; a rollback takes the number back) -- and is
 * credited to its pledge installment. Confirming twice is refused with
 * INVALID_STATE: the second caller learns that someone else already did it.
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { rialToToman } from '../money.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { applyToInstallment, centerScope, donorPersonId, loadCenter } from './shared.ts';

export const confirmDonationInput = z.object({
  donationId: id,
  note: optionalText(1000),
});
export type ConfirmDonationInput = z.input<typeof confirmDonationInput>;

/** Reads a donation under its lock and checks the actor may decide it (confirm or reject). */
export async function lockDonationForDecision(tx: Tx, actor: Actor, donationId: string) {
  await lockKey(tx, `donation:${donationId}`);
  const donation = await tx.donation.findUnique({ where: { id: donationId } });
  if (!donation) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
  const center = await loadCenter(tx, donation.centerId);
  authorize(actor, 'donation.confirm', centerScope(center));
  if (donation.state !== 'REPORTED') throw new DomainError('INVALID_STATE', { state: donation.state });
  return { donation, center };
}

async function nextReceiptNo(tx: Tx, centerId: string): Promise<number> {
  // Upsert rather than plain UPDATE so a center licensed without its counter row still works.
  const rows = await tx.$queryRaw<{ lastNo: number }[]>`
    INSERT INTO "ReceiptCounter" ("centerId", "lastNo") VALUES (${centerId}, 1)
    ON CONFLICT ("centerId") DO UPDATE SET "lastNo" = "ReceiptCounter"."lastNo" + 1
    RETURNING "lastNo"`;
  return Number(rows[0]!.lastNo);
}

/** The earliest installment still open, for a gift that names only its pledge. */
async function openInstallmentId(tx: Tx, pledgeId: string): Promise<string | null> {
  const inst = await tx.pledgeInstallment.findFirst({
    where: { pledgeId, state: { in: ['PENDING', 'PARTIAL', 'MISSED'] } },
    orderBy: { seq: 'asc' },
    select: { id: true },
  });
  return inst?.id ?? null;
}

/** Confirms inside the caller's transaction (also used by the approval handler). */
export async function confirmDonationInTx(tx: Tx, ctx: Ctx, actor: Actor, donationId: string, note?: string): Promise<Donation> {
  const { donation } = await lockDonationForDecision(tx, actor, donationId);
  const now = ctx.clock.now();
  let installmentId = donation.installmentId;
  if (donation.pledgeId) {
    await lockKey(tx, `pledge:${donation.pledgeId}`);
    installmentId ??= await openInstallmentId(tx, donation.pledgeId);
  }
  const receiptNo = await nextReceiptNo(tx, donation.centerId);
  const confirmed = await tx.donation.update({
    where: { id: donation.id },
    data: {
      state: 'CONFIRMED',
      receiptNo,
      confirmedAt: now,
      confirmedById: personOf(actor),
      installmentId,
      note: note ?? donation.note,
    },
  });
  if (installmentId) await applyToInstallment(tx, installmentId, donation.amountRial, 1, now);
  await audit(tx, actor, {
    action: 'donation.confirm',
    entity: 'Donation',
    entityId: donation.id,
    before: { state: donation.state, installmentId: donation.installmentId },
    after: { state: confirmed.state, receiptNo, installmentId },
  });
  await notifyPerson(tx, await donorPersonId(tx, donation.donorId), {
    template: 'donation.confirmed',
    params: {
      receiptNo,
      amount: donation.amountRial === null ? null : rialToToman(donation.amountRial).toString(),
      kind: donation.kind,
      fund: donation.fund,
    },
    dedupeKey: `donation.confirmed:${donation.id}`,
  });
  return confirmed;
}

export async function confirmDonation(ctx: Ctx, actor: Actor, raw: ConfirmDonationInput): Promise<Donation> {
  const input = parseInput(confirmDonationInput, raw);
  return inTransaction(ctx, (tx) => confirmDonationInTx(tx, ctx, actor, input.donationId, input.note));
}
