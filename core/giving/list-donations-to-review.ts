/**
 * The review queue: reported gifts waiting for confirmation, oldest first, with what the
 * reviewer checks them against (trace number, card digits, amount, the center's Sandogh
 * account, whether a receipt photo came). The center's finance officer sees their center;
 * county staff their county's centers; the province office every center (core's
 * 'donation.confirm'). A gift that also waits as a DONATION_CONFIRMATION request carries
 * that request's id, so deciding it closes the request too.
 */
import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, positiveInt } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { donorNameOf, giftContent, type GiftContent } from './gift-content.ts';
import { centerScope, loadCenter } from './shared.ts';

export const listDonationsToReviewInput = z.object({
  /** One center only (else the actor's whole area). */
  centerId: id.optional(),
  /** Just this gift, if it waits (a decision on one gift looks up its pending request). */
  donationId: id.optional(),
  limit: positiveInt(100).default(20),
});
export type ListDonationsToReviewInput = z.input<typeof listDonationsToReviewInput>;

export interface DonationToReview extends GiftContent {
  id: string;
  centerId: string;
  centerName: string;
  /** The account the donor was told to pay into, as recorded with the gift. */
  sandoghAccountNo: string | null;
  /** The center's account today (it may differ from the one recorded with an older gift). */
  centerSandoghAccountNo: string | null;
  centerSandoghSheba: string | null;
  traceNumber: string | null;
  cardLast4: string | null;
  hasReceipt: boolean;
  /** The donor as the reviewer knows them; null for an anonymous gift. */
  donorName: string | null;
  paidAt: Date;
  reportedAt: Date;
  note: string | null;
  /** The pending DONATION_CONFIRMATION request of this gift, if any. */
  requestId: string | null;
  /**
   * Paid in the chat: why it was not confirmed by itself (the messenger's check did not say
   * paid, it was paid twice -- a refund to decide --, another amount, the center not licensed)
   * and the messenger's payment id; null for a gift reported by a person.
   */
  paidInChat: { outcome: string; chargeId: string } | null;
}

export interface DonationsToReview {
  /** How many wait in the whole area (the list may be shorter). */
  total: number;
  items: DonationToReview[];
}

/** Where the actor may review: one center, a county, or everywhere; refused for anyone else. */
async function areaOf(ctx: Ctx, actor: Actor, centerId: string | undefined): Promise<Prisma.DonationWhereInput> {
  const ownCenter = actor.kind === 'trustee' ? actor.centerId : undefined;
  const oneCenter = centerId ?? ownCenter;
  if (oneCenter) {
    // Reading the queue is no decision: a suspended center's reviewer still opens it (and is
    // refused CENTER_READ_ONLY, in words, only on confirming or rejecting), so no licenseState here.
    const { licenseState: _reading, ...scope } = centerScope(await loadCenter(ctx.db, oneCenter));
    authorize(actor, 'donation.confirm', scope);
    return { centerId: oneCenter };
  }
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
  // County staff: their county (the policy checks it); province roles: the whole province.
  authorize(actor, 'donation.confirm', { countyId: actor.countyId ?? null });
  return actor.role === 'COUNTY_STAFF' ? { center: { countyId: actor.countyId! } } : {};
}

export async function listDonationsToReview(ctx: Ctx, actor: Actor, raw: ListDonationsToReviewInput = {}): Promise<DonationsToReview> {
  const input = parseInput(listDonationsToReviewInput, raw);
  let centerId = input.centerId;
  if (input.donationId && !centerId) {
    const gift = await ctx.db.donation.findUnique({ where: { id: input.donationId }, select: { centerId: true } });
    if (!gift) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
    centerId = gift.centerId;
  }
  const where: Prisma.DonationWhereInput = {
    AND: [await areaOf(ctx, actor, centerId), { state: 'REPORTED' }, ...(input.donationId ? [{ id: input.donationId }] : [])],
  };
  const [total, rows] = await Promise.all([
    ctx.db.donation.count({ where }),
    ctx.db.donation.findMany({
      where,
      // Index (state, createdAt): first come, first reviewed.
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: input.limit,
      include: {
        center: { select: { name: true, sandoghAccountNo: true, sandoghSheba: true } },
        donor: { select: { organizationName: true, person: { select: { firstName: true, lastName: true } } } },
        chatPayment: { select: { outcome: true, chargeId: true } },
      },
    }),
  ]);
  const requests = rows.length
    ? await ctx.db.approvalRequest.findMany({
        where: { kind: 'DONATION_CONFIRMATION', targetEntity: 'Donation', state: 'PENDING', targetId: { in: rows.map((r) => r.id) } },
        select: { id: true, targetId: true },
      })
    : [];
  const requestOf = new Map(requests.map((r) => [r.targetId, r.id]));
  const items = rows.map((d) => ({
    id: d.id,
    centerId: d.centerId,
    centerName: d.center.name,
    ...giftContent(d),
    sandoghAccountNo: d.sandoghAccountNo,
    centerSandoghAccountNo: d.center.sandoghAccountNo,
    centerSandoghSheba: d.center.sandoghSheba,
    traceNumber: d.traceNumber,
    cardLast4: d.cardLast4,
    hasReceipt: d.receiptFileId !== null,
    donorName: donorNameOf(d.donor),
    paidAt: d.paidAt,
    reportedAt: d.createdAt,
    note: d.note,
    requestId: requestOf.get(d.id) ?? null,
    paidInChat: d.chatPayment,
  }));
  return { total, items };
}
