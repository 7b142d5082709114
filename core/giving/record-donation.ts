/**
 * A trustee or Imdad staff record a gift the center received (rule 2: every aid is in the
 * system, also what never passed through the bot): cash paid into the center's Sandogh
 * account (the bank's trace number and the day), goods (items, quantity, unit, estimated
 * value) or a service (what was done, hours), for a donor of the center or anonymously.
 *
 * Confirmed at once or reviewed? Confirming is the center acknowledging, with its receipt
 * number, that the gift reached it. When the one recording may confirm gifts (the finance
 * officer, who keeps the Sandogh account and the books, or county staff) they record what
 * they checked themself -- the trace number on the account's statement, the goods in hand --
 * so the gift is confirmed in the same transaction; a review step by the same person would
 * be a second click, not a second check, and the account itself is open to Imdad. Recorded
 * by anyone else (the chair, a donors officer), it waits for the finance officer in state
 * REPORTED, as a donor's own report does.
 *
 * A trace number already on a live gift of the center (reported by the donor in the bot, or
 * recorded before) is refused: the same transfer would be counted twice; the existing
 * report is the one to confirm.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Donation } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { normalizeCode, normalizeText } from '../input/normalize.ts';
import { startOfJalaliDay, toJalali } from '../jalali.ts';
import { authorize, can } from '../policy.ts';
import { confirmDonationInTx } from './confirm-donation.ts';
import { aidKindInputFields } from './kind-fields.ts';
import { reportDonationInTx } from './report-donation.ts';
import { centerScope, loadCenter } from './shared.ts';

const HOUR_MS = 3_600_000;

/**
 * When the gift was received: an instant as is, or a bare day (YYYY-MM-DD, what the form's
 * Jalali calendar gives) as noon of that day in Tehran -- the day the monthly report files
 * it under wherever the server runs (today's gift is moved to "now" by the use-case).
 */
const receivedAt = z
  .union([z.date(), z.string()], { message: 'INVALID_DATE' })
  .transform((v) => {
    if (v instanceof Date) return v;
    const s = normalizeText(v);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return new Date(s);
    const utcNoon = new Date(`${s}T12:00:00Z`);
    return Number.isNaN(utcNoon.getTime()) ? utcNoon : new Date(startOfJalaliDay(toJalali(utcNoon)).getTime() + 12 * HOUR_MS);
  })
  .refine((d) => !Number.isNaN(d.getTime()), { message: 'INVALID_DATE' })
  .meta({ type: 'string', format: 'date' });

export const recordDonationInput = z.object({
  centerId: id,
  /** Omitted: an anonymous gift (e.g. cash paid in at the mosque, goods left at the center). */
  donorId: id.optional(),
  /** The donor's pledge it pays (its earliest open installment is credited on confirmation). */
  pledgeId: id.optional(),
  // In the order the form asks: cash and its deposit first, then goods, then a service.
  kind: aidKindInputFields.kind,
  fund: aidKindInputFields.fund,
  amountToman: aidKindInputFields.amountToman,
  /** CASH: the bank's trace number of the deposit into the Sandogh account. */
  traceNumber: z
    .string({ message: 'VALIDATION' })
    .transform(normalizeCode)
    .pipe(z.string().max(40, { message: 'TEXT_TOO_LONG' }))
    .optional()
    .transform((v) => (v ? v : undefined)),
  paidAt: receivedAt.optional(),
  itemDescription: aidKindInputFields.itemDescription,
  quantity: aidKindInputFields.quantity,
  unit: aidKindInputFields.unit,
  estimatedValueToman: aidKindInputFields.estimatedValueToman,
  serviceDescription: aidKindInputFields.serviceDescription,
  serviceHours: aidKindInputFields.serviceHours,
  note: optionalText(1000),
  /** A retried submission with the same key returns the first record; the panel leaves it out. */
  idempotencyKey: z.string({ message: 'VALIDATION' }).min(8, { message: 'VALIDATION' }).max(200, { message: 'VALIDATION' }).optional(),
});
export type RecordDonationInput = z.input<typeof recordDonationInput>;

/** The gift as received today is "now"; a future day is refused. */
function receivedInstant(ctx: Ctx, at: Date | undefined): Date {
  const now = ctx.clock.now();
  if (!at) return now;
  const today = toJalali(now);
  const day = toJalali(at);
  if (day.year === today.year && day.month === today.month && day.day === today.day && at > now) return now;
  if (at.getTime() > now.getTime() + HOUR_MS) throw new DomainError('INVALID_DATE', { field: 'paidAt' });
  return at;
}

/**
 * A trustee records for the donors of their own center (found by it, pledged or given to
 * it: what the panel lists them), county staff for donors of their county's centers.
 */
async function checkDonorOfCenter(tx: Tx, actor: Actor, donorId: string, center: { id: string; countyId: string }) {
  const where =
    actor.kind === 'trustee'
      ? { id: center.id }
      : actor.kind === 'staff' && actor.role === 'COUNTY_STAFF'
        ? { countyId: center.countyId }
        : null;
  const donor = await tx.donor.findFirst({
    where: {
      id: donorId,
      ...(where
        ? { OR: [{ recruitedByCenter: { is: where } }, { pledges: { some: { center: where } } }, { donations: { some: { center: where } } }] }
        : {}),
    },
    select: { id: true },
  });
  if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor', field: 'donorId' });
}

/** A live gift of the center already carrying this trace number (state REPORTED or CONFIRMED). */
async function checkTraceUnused(tx: Tx, centerId: string, traceNumber: string) {
  await lockKey(tx, `donation-trace:${centerId}:${traceNumber}`);
  const existing = await tx.donation.findFirst({
    where: { centerId, traceNumber, state: { in: ['REPORTED', 'CONFIRMED'] } },
    select: { id: true },
  });
  if (existing) throw new DomainError('TRACE_NUMBER_ALREADY_RECORDED', { field: 'traceNumber' });
}

export async function recordDonation(ctx: Ctx, actor: Actor, raw: RecordDonationInput): Promise<Donation> {
  return recordParsedDonation(ctx, actor, parseInput(recordDonationInput, raw));
}

/** A gift as recordDonationInput parses it; its `amountToman` already holds Rials (the schema converts). */
export type ParsedRecordDonation = z.output<typeof recordDonationInput>;

/**
 * The gift from input already parsed: also the path of a use-case that knows the amount to
 * the Rial (a bank statement's credit), which the form's Toman cannot always say.
 */
export async function recordParsedDonation(ctx: Ctx, actor: Actor, input: ParsedRecordDonation): Promise<Donation> {
  if (input.kind === 'CASH' && !input.traceNumber) throw new DomainError('REQUIRED', { field: 'traceNumber' });
  const paidAt = receivedInstant(ctx, input.paidAt);

  return inTransaction(ctx, async (tx) => {
    const center = await loadCenter(tx, input.centerId);
    // Staff and trustees only: a donor's own report is reportDonation (the owner rule is left out of this scope).
    authorize(actor, 'donation.report', centerScope(center));
    if (input.donorId) await checkDonorOfCenter(tx, actor, input.donorId, center);
    if (input.kind === 'CASH' && input.traceNumber) {
      const retried = input.idempotencyKey && (await tx.donation.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } }));
      if (!retried) await checkTraceUnused(tx, center.id, input.traceNumber);
    }
    // A pledge's gift feeds its fund (a zakat pledge is paid as zakat); that the pledge is this
    // donor's, at this center, of this kind and not cancelled, reportDonation checks.
    const pledge = input.pledgeId ? await tx.pledge.findUnique({ where: { id: input.pledgeId }, select: { fund: true } }) : null;
    const donation = await reportDonationInTx(
      tx,
      ctx,
      actor,
      {
        centerId: center.id,
        donorId: input.donorId,
        pledgeId: input.pledgeId,
        kind: input.kind,
        fund: pledge?.fund ?? input.fund,
        amountToman: input.amountToman,
        itemDescription: input.itemDescription,
        quantity: input.quantity,
        unit: input.unit,
        estimatedValueToman: input.estimatedValueToman,
        serviceDescription: input.serviceDescription,
        serviceHours: input.serviceHours,
        paidAt,
        traceNumber: input.kind === 'CASH' ? input.traceNumber : undefined,
        note: input.note,
        receiptFileId: undefined,
        installmentId: undefined,
        idempotencyKey: input.idempotencyKey ?? `staff:${randomUUID()}`,
      },
      'donation.record',
    );
    if (donation.state !== 'REPORTED' || !can(actor, 'donation.confirm', centerScope(center))) return donation;
    return confirmDonationInTx(tx, ctx, actor, donation.id);
  });
}
