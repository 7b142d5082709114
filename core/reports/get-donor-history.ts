/** A donor's own pledges and donations (the donor, or staff and donor officers who may read donors). */
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, can } from '../policy.ts';

export const getDonorHistoryInput = z.object({ donorId: id });
export type GetDonorHistoryInput = z.input<typeof getDonorHistoryInput>;

const pledgeFields = {
  id: true, kind: true, fund: true, amountRial: true, schedule: true, installmentCount: true, state: true, createdAt: true,
  // What the bot needs to name a pledge and report a payment against one of its installments.
  centerId: true, itemDescription: true, serviceDescription: true,
  center: { select: { name: true } },
  installments: { select: { id: true, seq: true, dueOn: true, scheduledAmountRial: true, paidAmountRial: true, state: true }, orderBy: { seq: 'asc' } },
} satisfies Prisma.PledgeSelect;

const donationFields = {
  id: true, kind: true, fund: true, amountRial: true, estimatedValueRial: true, state: true, paidAt: true, receiptNo: true,
  rejectReason: true, itemDescription: true, serviceDescription: true, center: { select: { name: true } },
} satisfies Prisma.DonationSelect;

/** A pledge as its donor's history shows it, with its installments. */
export type DonorPledge = Prisma.PledgeGetPayload<{ select: typeof pledgeFields }>;
/** A gift as its donor's history shows it. */
export type DonorDonation = Prisma.DonationGetPayload<{ select: typeof donationFields }>;

/** A donor's pledges and gifts, newest first, and their confirmed cash. */
export interface DonorHistory {
  donorId: string;
  pledges: DonorPledge[];
  donations: DonorDonation[];
  confirmedCashRial: bigint;
  /** The donor sees their own reversals; whether others do is the panel's business. */
  canSeeAll: boolean;
}

export async function getDonorHistory(ctx: Ctx, actor: Actor, raw: GetDonorHistoryInput): Promise<DonorHistory> {
  const { donorId } = parseInput(getDonorHistoryInput, raw);
  const donor = await ctx.db.donor.findUnique({ where: { id: donorId }, select: { id: true, recruitedByCenterId: true } });
  if (!donor) throw new DomainError('NOT_FOUND');
  const center = donor.recruitedByCenterId
    ? await ctx.db.center.findUnique({ where: { id: donor.recruitedByCenterId }, select: { id: true, countyId: true } })
    : null;
  authorize(actor, 'donor.read', { ownerDonorId: donor.id, centerId: center?.id, countyId: center?.countyId });
  const [pledges, donations, totals] = await Promise.all([
    ctx.db.pledge.findMany({
      where: { donorId },
      orderBy: { createdAt: 'desc' },
      select: pledgeFields,
    }),
    ctx.db.donation.findMany({
      where: { donorId },
      orderBy: { paidAt: 'desc' },
      select: donationFields,
    }),
    ctx.db.donation.groupBy({ by: ['state'], where: { donorId, kind: 'CASH' }, _sum: { amountRial: true } }),
  ]);
  const sum = (s: string) => totals.find((t) => t.state === s)?._sum.amountRial ?? 0n;
  return {
    donorId,
    pledges,
    donations,
    confirmedCashRial: sum('CONFIRMED') - sum('REVERSED'),
    canSeeAll: can(actor, 'donation.read', { ownerDonorId: donor.id, centerId: center?.id, countyId: center?.countyId }),
  };
}
