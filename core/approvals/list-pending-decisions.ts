/**
 * What a trustee may decide now, oldest first: the pending approval requests
 * of their center whose decision their role is allowed (by the kind's
 * handler and the policy, e.g. the chair's large distributions), and for the
 * finance officer the donations reported and waiting for confirmation. A
 * donation that also has a pending DONATION_CONFIRMATION request is listed
 * once, as that request, so deciding it closes both. Only what a decider
 * needs is returned: households appear by reference code, never by name.
 */
import { z } from 'zod';
import type { Actor, TrusteeActor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { can } from '../policy.ts';
import { donorNameOf, giftContent, type GiftContent } from '../giving/gift-content.ts';
import type { ApprovalHandlers } from './registry.ts';

export const listPendingDecisionsInput = z.object({}).default({});
export type ListPendingDecisionsInput = z.input<typeof listPendingDecisionsInput>;

export interface DonationDetail extends GiftContent {
  donationId: string;
  /** The donor as the finance officer knows them; null for an anonymous gift. */
  donorName: string | null;
  paidAt: Date;
  traceNumber: string | null;
  cardLast4: string | null;
  /** Messenger file id of the receipt photo, if the donor sent one. */
  receiptFileId: string | null;
  reportedAt: Date;
}

export interface DistributionDetail {
  distributionId: string;
  referenceCode: string;
  kind: string;
  fund: string;
  amountRial: bigint | null;
  itemDescription: string | null;
  estimatedValueRial: bigint | null;
  serviceDescription: string | null;
}

export type PendingDecision =
  | { type: 'donation'; id: string; since: Date; donation: DonationDetail }
  | {
      type: 'request';
      id: string;
      kind: string;
      since: Date;
      reason: string | null;
      donation?: DonationDetail;
      distribution?: DistributionDetail;
    };

export async function listPendingDecisions(ctx: Ctx, handlers: ApprovalHandlers, actor: Actor, raw?: ListPendingDecisionsInput): Promise<PendingDecision[]> {
  parseInput(listPendingDecisionsInput, raw ?? {});
  if (actor.kind !== 'trustee') throw new DomainError('FORBIDDEN');
  const db = ctx.db;
  const items: PendingDecision[] = [];
  const requests = await db.approvalRequest.findMany({
    where: { centerId: actor.centerId, state: 'PENDING' },
    orderBy: { requestedAt: 'asc' },
  });
  const requestedDonations = new Set<string>();
  for (const request of requests) {
    const handler = handlers[request.kind];
    if (!handler) continue;
    // The handler knows the target's real scope (a stale or foreign target is skipped, not shown).
    const scope = await handler.scope(db, request).catch(() => null);
    if (!scope || !can(actor, handler.action, scope)) continue;
    const item: PendingDecision = { type: 'request', id: request.id, kind: request.kind, since: request.requestedAt, reason: request.requestReason };
    if (request.kind === 'DONATION_CONFIRMATION') {
      const detail = await donationDetail(ctx, request.targetId);
      if (!detail) continue;
      requestedDonations.add(request.targetId);
      item.donation = detail;
    }
    if (request.kind === 'DISTRIBUTION') {
      const d = await db.distribution.findUnique({ where: { id: request.targetId }, include: { beneficiary: { select: { referenceCode: true } } } });
      if (!d) continue;
      item.distribution = {
        distributionId: d.id,
        referenceCode: d.beneficiary.referenceCode,
        kind: d.kind,
        fund: d.fund,
        amountRial: d.amountRial,
        itemDescription: d.itemDescription,
        estimatedValueRial: d.estimatedValueRial,
        serviceDescription: d.serviceDescription,
      };
    }
    items.push(item);
  }
  if (await canConfirmDonations(ctx, actor)) {
    const reported = await db.donation.findMany({
      where: { centerId: actor.centerId, state: 'REPORTED' },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    for (const { id } of reported) {
      if (requestedDonations.has(id)) continue;
      const detail = await donationDetail(ctx, id);
      if (detail) items.push({ type: 'donation', id, since: detail.reportedAt, donation: detail });
    }
  }
  return items.sort((a, b) => a.since.getTime() - b.since.getTime());
}

async function canConfirmDonations(ctx: Ctx, actor: TrusteeActor): Promise<boolean> {
  const center = await ctx.db.center.findUnique({ where: { id: actor.centerId }, select: { id: true, countyId: true, licenseState: true } });
  if (!center) return false;
  return can(actor, 'donation.confirm', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
}

async function donationDetail(ctx: Ctx, donationId: string): Promise<DonationDetail | null> {
  const d = await ctx.db.donation.findUnique({
    where: { id: donationId },
    include: { donor: { include: { person: { select: { firstName: true, lastName: true } } } } },
  });
  if (!d || d.state !== 'REPORTED') return null;
  return {
    donationId: d.id,
    ...giftContent(d),
    donorName: donorNameOf(d.donor),
    paidAt: d.paidAt,
    traceNumber: d.traceNumber,
    cardLast4: d.cardLast4,
    receiptFileId: d.receiptFileId,
    reportedAt: d.createdAt,
  };
}
