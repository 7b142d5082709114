/**
 * Aid to a household of another center's area (domain rule 8: a center may serve a
 * less-privileged area with Imdad's coordination). The board records it like any other
 * distribution; it then waits as one DISTRIBUTION_OUT_OF_AREA request for Imdad's office
 * covering both centers -- the county staff of the paying center's county when the household
 * lives in the same county, the province office when it lives in another (no county office
 * may read the other county's households). Imdad staff who cover both record it without asking.
 *
 * The order, when the aid is also above the chair's threshold: Imdad's office first, then the
 * chair. Whether this center may help this household at all is Imdad's call and comes before
 * the board commits its fund; the chair is asked only once the request can take effect, and
 * the fund's balance is checked again at the last approval (distribution-approval.ts).
 */
import type { ApprovalRequest, Distribution } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import type { ApprovalHandler } from '../approvals/registry.ts';
import { audit } from '../audit.ts';
import { lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notifyPerson } from '../outbox.ts';
import type { Scope } from '../policy.ts';
import { needsChairApproval, requestChairApproval } from './chair-approval.ts';
import { fundBalanceRial, fundLockKey } from './fund-balance.ts';

/**
 * Who may approve aid from a center to a household of another center's area: staff whose
 * area covers both (policy 'distribution.outOfArea'). Two counties: no county's staff cover
 * both, so the scope names no county and only the province office qualifies.
 */
export function outOfAreaScope(payingCenter: { id: string; countyId: string }, householdCountyId: string): Scope {
  return { centerId: payingCenter.id, countyId: householdCountyId === payingCenter.countyId ? payingCenter.countyId : null };
}

export async function requestOutOfAreaApproval(
  tx: Tx,
  ctx: Ctx,
  d: Distribution,
  context: { countyId: string; householdCountyId: string; householdCenterId: string; purpose: string; requestedById: string | null },
): Promise<ApprovalRequest> {
  const sameCounty = context.householdCountyId === context.countyId;
  return tx.approvalRequest.create({
    data: {
      kind: 'DISTRIBUTION_OUT_OF_AREA',
      targetEntity: 'Distribution',
      targetId: d.id,
      payload: { fund: d.fund, kind: d.kind, purpose: context.purpose, householdCenterId: context.householdCenterId },
      centerId: d.centerId,
      countyId: context.countyId,
      deciderStaffRole: sameCounty ? 'COUNTY_STAFF' : 'PROVINCE_ADMIN',
      requestedById: context.requestedById,
      requestedAt: ctx.clock.now(),
    },
  });
}

async function loadPending(tx: Tx, id: string) {
  const d = await tx.distribution.findUnique({
    where: { id },
    include: { center: { select: { countyId: true } }, beneficiary: { select: { state: true, referenceCode: true, centerId: true, center: { select: { countyId: true } } } } },
  });
  if (!d) throw new DomainError('NOT_FOUND');
  if (d.state !== 'PENDING_APPROVAL') throw new DomainError('INVALID_STATE');
  return d;
}

async function tellRequester(tx: Tx, request: ApprovalRequest, template: string, referenceCode: string) {
  await notifyPerson(tx, request.requestedById, { template, params: { referenceCode }, dedupeKey: `approval-decided:${request.id}` });
}

export const outOfAreaApproval: ApprovalHandler = {
  action: 'distribution.outOfArea',
  secondPerson: true,
  async scope(tx, request) {
    const d = await tx.distribution.findUnique({
      where: { id: request.targetId },
      select: { centerId: true, center: { select: { countyId: true } }, beneficiary: { select: { center: { select: { countyId: true } } } } },
    });
    if (!d) throw new DomainError('NOT_FOUND');
    return outOfAreaScope({ id: d.centerId, countyId: d.center.countyId }, d.beneficiary.center.countyId);
  },
  async approve(tx, ctx, actor: Actor, request) {
    const d = await loadPending(tx, request.targetId);
    if (d.beneficiary.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    const purpose = String((request.payload as { purpose?: unknown } | null)?.purpose ?? '');
    if (needsChairApproval(ctx, d)) {
      // Imdad agreed; the board's own approval of a large sum follows (the order above).
      await requestChairApproval(tx, ctx, d, { countyId: d.center.countyId, referenceCode: d.beneficiary.referenceCode, purpose, requestedById: request.requestedById });
      await audit(tx, actor, {
        action: 'distribution.approveOutOfArea',
        entity: 'Distribution',
        entityId: d.id,
        before: { state: d.state },
        after: { state: d.state, waitsFor: 'CHAIR', householdCenterId: d.beneficiary.centerId },
      });
      return;
    }
    if (d.kind === 'CASH') {
      // The money may have gone to other distributions since the request was made.
      await lockKey(tx, fundLockKey(d.centerId, d.fund));
      const balance = await fundBalanceRial(tx, d.centerId, d.fund);
      if (d.amountRial! > balance) throw new DomainError('INSUFFICIENT_FUND_BALANCE', { fund: d.fund });
    }
    const approved = await tx.distribution.update({ where: { id: d.id }, data: { state: 'APPROVED', approvedAt: ctx.clock.now(), approvedById: personOf(actor) } });
    await audit(tx, actor, {
      action: 'distribution.approveOutOfArea',
      entity: 'Distribution',
      entityId: d.id,
      before: { state: d.state },
      after: { state: approved.state, householdCenterId: d.beneficiary.centerId },
    });
    await tellRequester(tx, request, 'distribution.approved', d.beneficiary.referenceCode);
  },
  async reject(tx, ctx, actor, request, reason) {
    const d = await loadPending(tx, request.targetId);
    const cancelled = await tx.distribution.update({ where: { id: d.id }, data: { state: 'CANCELLED', cancelledAt: ctx.clock.now(), cancelReason: reason } });
    await audit(tx, actor, { action: 'distribution.reject', entity: 'Distribution', entityId: d.id, before: { state: d.state }, after: { state: cancelled.state, reason } });
    await tellRequester(tx, request, 'distribution.rejected', d.beneficiary.referenceCode);
  },
};
