/**
 * DONATION_CONFIRMATION requests (target: a Donation) decided through the one
 * approval mechanism: approving confirms the gift, rejecting rejects it with
 * the decision's reason. Who may decide is the same as for confirm-donation.
 */
import type { ApprovalHandler, ApprovalHandlers } from '../approvals/registry.ts';
import { DomainError } from '../errors.ts';
import { confirmDonationInTx } from './confirm-donation.ts';
import { rejectDonationInTx } from './reject-donation.ts';
import { centerScope, loadCenter } from './shared.ts';

const donationConfirmation: ApprovalHandler = {
  action: 'donation.confirm',
  async scope(tx, request) {
    const donation = await tx.donation.findUnique({ where: { id: request.targetId }, select: { centerId: true } });
    if (request.targetEntity !== 'Donation' || !donation) throw new DomainError('NOT_FOUND', { entity: 'Donation' });
    return centerScope(await loadCenter(tx, donation.centerId));
  },
  async approve(tx, ctx, actor, request) {
    await confirmDonationInTx(tx, ctx, actor, request.targetId);
  },
  async reject(tx, ctx, actor, request, reason) {
    await rejectDonationInTx(tx, ctx, actor, request.targetId, reason);
  },
};

export const givingApprovalHandlers: ApprovalHandlers = { DONATION_CONFIRMATION: donationConfirmation };
