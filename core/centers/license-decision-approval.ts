/**
 * LICENSE_DECISION: the province office approves or rejects a county's
 * proposal. Approving applies the proposed transition (with its own event,
 * audit row and the chair's notification) in the approval's transaction.
 */
import type { ApprovalHandler } from '../approvals/registry.ts';
import { DomainError } from '../errors.ts';
import { issueLocked } from './issue-license.ts';
import { applyLicenseTransition, lockCenter } from './license-transition.ts';
import { licenseProposalPayload } from './propose-license-decision.ts';
import { renewLocked } from './renew-license.ts';

export const licenseDecisionHandler: ApprovalHandler = {
  action: 'license.decide',
  secondPerson: true,
  async scope(tx, request) {
    const center = await tx.center.findUnique({ where: { id: request.targetId }, select: { id: true, countyId: true } });
    if (!center) throw new DomainError('NOT_FOUND');
    return { centerId: center.id, countyId: center.countyId };
  },
  async approve(tx, ctx, actor, request) {
    const parsed = licenseProposalPayload.safeParse(request.payload);
    if (!parsed.success) throw new DomainError('INVALID_STATE', {}, `LICENSE_DECISION ${request.id}: unreadable payload`);
    const p = parsed.data;
    const center = await lockCenter(tx, request.targetId);
    const common = { approvalRequestId: request.id };
    if (p.decision === 'ISSUED') return void (await issueLocked(tx, ctx, actor, center, { validityMonths: p.validityMonths, ...common }));
    if (p.decision === 'RENEWED') return void (await renewLocked(tx, ctx, actor, center, { validityMonths: p.validityMonths, ...common }));
    await applyLicenseTransition(tx, ctx, actor, center, p.decision, {
      reason: p.reason ?? undefined,
      assetHandover: p.assetHandover ?? undefined,
      ...common,
    });
  },
  // A refused proposal changes nothing on the center; the decision and reason are on the request.
  async reject() {},
};
