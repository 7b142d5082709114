/**
 * A donor (or a trustee or county staff on the donor's behalf) reports a gift
 * with its proof; it waits in state REPORTED for the center to confirm it.
 * Reporting the same payment twice with the same idempotency key returns the
 * first record, also when the two reports race (an advisory lock on the key).
 */
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { aidKindFields, aidKindInputFields } from './kind-fields.ts';
import { cardLast4, id, optionalText, parseInput } from '../input/schemas.ts';
import { normalizeCode } from '../input/normalize.ts';
import { authorize } from '../policy.ts';
import { centerScope, dateInput, loadCenter } from './shared.ts';

const code = (max: number) =>
  z
    .string({ message: 'VALIDATION' })
    .transform(normalizeCode)
    .pipe(z.string().min(1, { message: 'VALIDATION' }).max(max, { message: 'TEXT_TOO_LONG' }));

export const reportDonationInput = z.object({
  /** Donors report for themselves: omitted, it is the acting donor. */
  donorId: id.optional(),
  centerId: id,
  /** CASH: amountToman is what the donor paid. */
  ...aidKindInputFields,
  paidAt: dateInput.optional(),
  traceNumber: code(40).optional(),
  cardLast4: cardLast4.optional(),
  receiptFileId: optionalText(300),
  pledgeId: id.optional(),
  installmentId: id.optional(),
  idempotencyKey: z.string({ message: 'REQUIRED' }).min(8, { message: 'VALIDATION' }).max(200, { message: 'VALIDATION' }),
  note: optionalText(1000),
});
export type ReportDonationInput = z.input<typeof reportDonationInput>;
export type ParsedDonationReport = z.output<typeof reportDonationInput>;

/**
 * A pledge (and installment) named by the report must be this donor's, at this center, and
 * of the gift's kind (goods do not pay a cash pledge). A cancelled pledge takes no more gifts:
 * the donor gives directly instead. A lapsed or fulfilled one still does (a late or extra payment).
 */
async function checkPledge(tx: Tx, input: ParsedDonationReport, donorId: string | null) {
  if (input.installmentId && !input.pledgeId) throw new DomainError('REQUIRED', { field: 'pledgeId' });
  if (!input.pledgeId) return;
  const pledge = await tx.pledge.findUnique({ where: { id: input.pledgeId } });
  if (!pledge || pledge.donorId !== donorId || pledge.centerId !== input.centerId) throw new DomainError('PLEDGE_NOT_OF_DONOR');
  if (pledge.kind !== input.kind) throw new DomainError('PLEDGE_KIND_MISMATCH', { field: 'kind' });
  if (pledge.state === 'CANCELLED') throw new DomainError('PLEDGE_CANCELLED');
  if (input.installmentId) {
    const inst = await tx.pledgeInstallment.findUnique({ where: { id: input.installmentId } });
    if (!inst || inst.pledgeId !== pledge.id) throw new DomainError('PLEDGE_NOT_OF_DONOR');
  }
}

export async function reportDonation(ctx: Ctx, actor: Actor, raw: ReportDonationInput): Promise<Donation> {
  const input = parseInput(reportDonationInput, raw);
  return inTransaction(ctx, (tx) => reportDonationInTx(tx, ctx, actor, input));
}

/**
 * Writes the gift inside the caller's transaction (also used by record-donation, whose
 * audit row names what staff did: `auditAction`).
 */
export async function reportDonationInTx(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: ParsedDonationReport,
  auditAction = 'donation.report',
): Promise<Donation> {
  const donorId = input.donorId ?? (actor.kind === 'donor' ? actor.donorId : null);
  const fields = aidKindFields(input);
  const paidAt = input.paidAt ?? ctx.clock.now();
  if (paidAt.getTime() > ctx.clock.now().getTime() + 60 * 60_000) throw new DomainError('INVALID_DATE', { field: 'paidAt' });

  await lockKey(tx, `donation-report:${input.idempotencyKey}`);
  const first = await tx.donation.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (first) {
    // A retry: the same caller gets the first record back, nobody else sees it.
    authorize(actor, 'donation.report', centerScope(await loadCenter(tx, first.centerId), first.donorId));
    return first;
  }

  const center = await loadCenter(tx, input.centerId);
  authorize(actor, 'donation.report', centerScope(center, donorId));
  if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
  // Rule 3: cash only ever goes into the center's Sandogh Emdad Velayat account.
  if (input.kind === 'CASH' && !center.sandoghAccountNo) throw new DomainError('CENTER_HAS_NO_SANDOGH_ACCOUNT');
  if (donorId) {
    const donor = await tx.donor.findUnique({ where: { id: donorId } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');
  }
  await checkPledge(tx, input, donorId);

  const donation = await tx.donation.create({
    data: {
      centerId: center.id,
      donorId,
      pledgeId: input.pledgeId ?? null,
      installmentId: input.installmentId ?? null,
      kind: input.kind,
      fund: input.fund,
      ...fields,
      sandoghAccountNo: input.kind === 'CASH' ? center.sandoghAccountNo : null,
      paidAt,
      traceNumber: input.traceNumber ?? null,
      cardLast4: input.cardLast4 ?? null,
      receiptFileId: input.receiptFileId ?? null,
      idempotencyKey: input.idempotencyKey,
      reportedViaChatAccountId: actor.kind === 'donor' || actor.kind === 'chat' ? (actor.chatAccountId ?? null) : null,
      note: input.note ?? null,
    },
  });
  await audit(tx, actor, { action: auditAction, entity: 'Donation', entityId: donation.id, after: donation });
  return donation;
}
