/**
 * A donor promises to give (تعهد کمک): once, or monthly on the Jalali calendar
 * for N installments, each on the same Jalali day as the first (clamped to a
 * shorter month's end: 31 Shahrivar → 30 Mehr → … → 29/30 Esfand → 31 Farvardin;
 * each is computed from the first so the clamp never drifts). A cash amount is
 * split exactly: equal shares, the remainder on the last, all BigInt Rials.
 */
import { z } from 'zod';
import { PledgeSchedule, type Pledge, type PledgeInstallment } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { aidKindFields, aidKindInputFields } from './kind-fields.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { addJalaliMonthsTo, jalaliToDbDate, toJalali, type JalaliDate } from '../jalali.ts';
import { authorize } from '../policy.ts';
import { centerScope, loadCenter } from './shared.ts';

const jalaliDay = z.object({
  year: z.number({ message: 'INVALID_DATE' }).int().min(1300, { message: 'INVALID_DATE' }).max(1500, { message: 'INVALID_DATE' }),
  month: z.number({ message: 'INVALID_DATE' }).int().min(1, { message: 'INVALID_DATE' }).max(12, { message: 'INVALID_DATE' }),
  day: z.number({ message: 'INVALID_DATE' }).int().min(1, { message: 'INVALID_DATE' }).max(31, { message: 'INVALID_DATE' }),
});

export const MAX_INSTALLMENTS = 120;

export const createPledgeInput = z.object({
  /** Donors pledge for themselves: omitted, it is the acting donor. */
  donorId: id.optional(),
  centerId: id,
  /** CASH: amountToman is the total over all installments. */
  ...aidKindInputFields,
  schedule: z.enum(PledgeSchedule, { message: 'VALIDATION' }).default('ONE_TIME'),
  installmentCount: positiveInt(MAX_INSTALLMENTS).optional(),
  /** The first due day on the Jalali calendar; today (Tehran) when omitted. */
  firstDueOn: jalaliDay.optional(),
  note: optionalText(1000),
});
export type CreatePledgeInput = z.input<typeof createPledgeInput>;

/** A pledge with its installments, first due first. */
export type PledgeWithInstallments = Pledge & { installments: PledgeInstallment[] };

/** A new pledge, and its number among its donor's pledges (1 for their first): how the donor refers to it. */
export type CreatedPledge = PledgeWithInstallments & { no: number };

/** Installment due days and amounts; exported for the schedule tests and the panel's preview. */
export function pledgeSchedule(first: JalaliDate, count: number, amountRial: bigint | null) {
  const share = amountRial === null ? null : amountRial / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    dueOn: jalaliToDbDate(addJalaliMonthsTo(first, i)),
    scheduledAmountRial: share === null ? null : i < count - 1 ? share : amountRial! - share * BigInt(count - 1),
  }));
}

export async function createPledge(ctx: Ctx, actor: Actor, raw: CreatePledgeInput): Promise<CreatedPledge> {
  const input = parseInput(createPledgeInput, raw);
  const donorId = input.donorId ?? (actor.kind === 'donor' ? actor.donorId : null);
  if (!donorId) throw new DomainError('REQUIRED', { field: 'donorId' });
  const fields = aidKindFields(input);
  const count = input.schedule === 'ONE_TIME' ? 1 : (input.installmentCount ?? 12);
  if (input.schedule === 'ONE_TIME' && (input.installmentCount ?? 1) !== 1)
    throw new DomainError('VALIDATION', { field: 'installmentCount' });
  const today = toJalali(ctx.clock.now());
  const first = input.firstDueOn ?? today;
  // The calendar check: 31 Mehr or 30 Esfand of a common year do not exist.
  const firstDay = jalaliToDbDate(first);
  const back = toJalali(new Date(firstDay.getTime() + 12 * 3600_000));
  if (back.year !== first.year || back.month !== first.month || back.day !== first.day)
    throw new DomainError('INVALID_DATE', { field: 'firstDueOn' });
  if (firstDay < jalaliToDbDate(today)) throw new DomainError('INVALID_DATE', { field: 'firstDueOn' });
  const amountRial = 'amountRial' in fields ? (fields.amountRial ?? null) : null;
  if (amountRial !== null && amountRial < BigInt(count)) throw new DomainError('AMOUNT_OUT_OF_RANGE', { field: 'amountToman' });

  return inTransaction(ctx, async (tx) => {
    const center = await loadCenter(tx, input.centerId);
    authorize(actor, 'pledge.create', centerScope(center, donorId));
    if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
    const donor = await tx.donor.findUnique({ where: { id: donorId } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');

    const pledge = await tx.pledge.create({
      data: {
        donorId,
        centerId: center.id,
        kind: input.kind,
        fund: input.fund,
        ...fields,
        schedule: input.schedule,
        installmentCount: count,
        firstDueOn: firstDay,
        note: input.note ?? null,
        installments: { createMany: { data: pledgeSchedule(first, count, amountRial) } },
      },
      include: { installments: { orderBy: { seq: 'asc' } } },
    });
    await audit(tx, actor, { action: 'pledge.create', entity: 'Pledge', entityId: pledge.id, after: pledge });
    // The donor's history numbers their pledges from the oldest; this one is the newest.
    return { ...pledge, no: await tx.pledge.count({ where: { donorId } }) };
  });
}
