/**
 * The chair's decision on a distribution above the approval threshold. Approval
 * re-checks the fund under its lock: the money may have gone to other
 * distributions since the request was made.
 */
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import type { ApprovalHandler } from '../approvals/registry.ts';
import { audit } from '../audit.ts';
import { lockKey, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notifyPerson } from '../outbox.ts';
import { fundBalanceRial, fundLockKey } from './fund-balance.ts';

async function pendingDistribution(tx: Tx, id: string) {
  const d = await tx.distribution.findUnique({ where: { id }, include: { beneficiary: { select: { state: true, referenceCode: true } } } });
  if (!d) throw new DomainError('NOT_FOUND');
  if (d.state !== 'PENDING_APPROVAL') throw new DomainError('INVALID_STATE');
  return d;
}

async function tellRequester(tx: Tx, personId: string | null, requestId: string, template: string, referenceCode: string) {
  await notifyPerson(tx, personId, { template, params: { referenceCode }, dedupeKey: `approval-decided:${requestId}` });
}

export const distributionApproval: ApprovalHandler = {
  action: 'distribution.approve',
  secondPerson: true,
  async scope(tx, request) {
    const d = await tx.distribution.findUnique({ where: { id: request.targetId }, select: { centerId: true, center: { select: { countyId: true, licenseState: true } } } });
    if (!d) throw new DomainError('NOT_FOUND');
    return { centerId: d.centerId, countyId: d.center.countyId, licenseState: d.center.licenseState };
  },
  async approve(tx, ctx, actor: Actor, request) {
    const d = await pendingDistribution(tx, request.targetId);
    if (d.beneficiary.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    if (d.kind === 'CASH') {
      await lockKey(tx, fundLockKey(d.centerId, d.fund));
      const balance = await fundBalanceRial(tx, d.centerId, d.fund);
      if (d.amountRial! > balance) throw new DomainError('INSUFFICIENT_FUND_BALANCE', { fund: d.fund });
    }
    const approved = await tx.distribution.update({
      where: { id: d.id },
      data: { state: 'APPROVED', approvedAt: ctx.clock.now(), approvedById: personOf(actor) },
    });
    await audit(tx, actor, { action: 'distribution.approve', entity: 'Distribution', entityId: d.id, before: { state: d.state }, after: { state: approved.state } });
    await tellRequester(tx, request.requestedById, request.id, 'distribution.approved', d.beneficiary.referenceCode);
  },
  async reject(tx, ctx, actor, request, reason) {
    const d = await pendingDistribution(tx, request.targetId);
    const cancelled = await tx.distribution.update({
      where: { id: d.id },
      data: { state: 'CANCELLED', cancelledAt: ctx.clock.now(), cancelReason: reason },
    });
    await audit(tx, actor, { action: 'distribution.reject', entity: 'Distribution', entityId: d.id, before: { state: d.state }, after: { state: cancelled.state, reason } });
    await tellRequester(tx, request.requestedById, request.id, 'distribution.rejected', d.beneficiary.referenceCode);
  },
};
