/**
 * What the giving use-cases share: the enums of the input schemas, where a
 * center or donation lives (the policy scope, read from the database), and
 * keeping a pledge installment's paid amount in step with its donations.
 */
import { z } from 'zod';
import { AidKind, type Center, Fund } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { Scope } from '../policy.ts';

/** Every fund, in the schema's order (the order the bot offers them in). */
export const FUNDS = Object.values(Fund);
export const fund = z.enum(Fund, { message: 'VALIDATION' });
export const aidKind = z.enum(AidKind, { message: 'VALIDATION' });

/**
 * A date (Date, ISO string or epoch ms); anything unparsable is INVALID_DATE. Any
 * value is taken at run time, so a wrong one gets that code rather than zod's.
 */
export const dateInput = z.custom<Date | string | number>().transform((v, c) => {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) {
    c.addIssue({ code: 'custom', message: 'INVALID_DATE' });
    return z.NEVER;
  }
  return d;
});

export function centerScope(center: Pick<Center, 'id' | 'countyId' | 'licenseState'>, ownerDonorId?: string | null): Scope {
  return { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState, ownerDonorId: ownerDonorId ?? null };
}

export async function loadCenter(tx: Tx, centerId: string): Promise<Center> {
  const center = await tx.center.findUnique({ where: { id: centerId } });
  if (!center) throw new DomainError('NOT_FOUND', { entity: 'Center' });
  return center;
}

/** The person a donor's messages go to: the donor themself, or a legal donor's contact. */
export async function donorPersonId(tx: Tx, donorId: string | null): Promise<string | null> {
  if (!donorId) return null;
  const donor = await tx.donor.findUnique({ where: { id: donorId }, select: { personId: true, contactPersonId: true } });
  return donor?.personId ?? donor?.contactPersonId ?? null;
}

/**
 * Adds a confirmed gift (`sign` 1) or takes back a reversed one (`sign` -1) on an installment's paid amount and
 * recomputes its state and its pledge's: PAID when the scheduled amount is reached
 * (goods and services: any confirmed gift), PARTIAL below it, and the pledge FULFILLED
 * once the paid total reaches its amount (goods and services: every installment paid).
 * Callers hold the pledge lock (`pledge:<id>`) so two confirmations do not race.
 */
export async function applyToInstallment(
  tx: Tx,
  installmentId: string,
  amountRial: bigint | null,
  sign: 1 | -1,
  at: Date,
): Promise<void> {
  const inst = await tx.pledgeInstallment.findUniqueOrThrow({ where: { id: installmentId }, include: { pledge: true } });
  const moved = inst.paidAmountRial + BigInt(sign) * (amountRial ?? 0n);
  const paid = moved < 0n ? 0n : moved;
  const fullyPaid = inst.scheduledAmountRial !== null ? paid >= inst.scheduledAmountRial : sign === 1;
  const state = fullyPaid ? 'PAID' : paid > 0n ? 'PARTIAL' : inst.dueOn < at ? 'MISSED' : 'PENDING';
  await tx.pledgeInstallment.update({
    where: { id: inst.id },
    data: { paidAmountRial: paid, state, paidAt: fullyPaid ? (inst.paidAt ?? at) : null },
  });

  const pledge = inst.pledge;
  const all = await tx.pledgeInstallment.findMany({ where: { pledgeId: pledge.id } });
  const total = all.reduce((s, i) => s + i.paidAmountRial, 0n);
  const fulfilled = pledge.amountRial !== null ? total >= pledge.amountRial : all.every((i) => i.state === 'PAID' || i.state === 'CANCELLED');
  if (fulfilled && pledge.state === 'ACTIVE') {
    await tx.pledge.update({ where: { id: pledge.id }, data: { state: 'FULFILLED', fulfilledAt: at } });
  } else if (!fulfilled && pledge.state === 'FULFILLED') {
    // A reversal took the pledge below its amount again.
    await tx.pledge.update({ where: { id: pledge.id }, data: { state: 'ACTIVE', fulfilledAt: null } });
  }
}
