/**
 * Confirm / reject-with-reason for a REPORTED donation: the finance officer of the center
 * or county staff (core's 'donation.confirm'). When the gift also has a pending
 * DONATION_CONFIRMATION request, the request is decided instead, which confirms or
 * rejects the gift and closes the request in the same transaction.
 */
import type { Action, RecordActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import type { ComponentIds } from '../define.ts';
import { resourceMessage } from '../messages.ts';
import { coreRecordAction } from './core-record-action.ts';

export function mayDecideDonation(actor: AdminActor, params: Record<string, unknown>): boolean {
  return params.state === 'REPORTED' && roleMay(actor, 'donation.confirm');
}

/** The gift's pending DONATION_CONFIRMATION request, read through core (and its policy). */
export async function pendingRequestId(core: Core, actor: AdminActor, donationId: string): Promise<string | null> {
  const { items } = await core.giving.listDonationsToReview(actor, { donationId });
  return items[0]?.requestId ?? null;
}

/** Confirms a gift, or approves its pending request (which confirms it and closes the request). */
export async function confirmReported(core: Core, actor: AdminActor, donationId: string): Promise<void> {
  const requestId = await pendingRequestId(core, actor, donationId);
  if (requestId) await core.approvals.decide(actor, { requestId, decision: 'APPROVE' });
  else await core.giving.confirmDonation(actor, { donationId });
}

/** Rejects a gift with the reason, or rejects its pending request the same way. */
export async function rejectReported(core: Core, actor: AdminActor, donationId: string, reason: string): Promise<void> {
  const requestId = await pendingRequestId(core, actor, donationId);
  if (requestId) await core.approvals.decide(actor, { requestId, decision: 'REJECT', reason });
  else await core.giving.rejectDonation(actor, { donationId, reason });
}

export function donationDecisionActions(core: Core, components: ComponentIds): Record<string, Partial<Action<RecordActionResponse>>> {
  return {
    confirmDonation: coreRecordAction(core, {
      name: 'confirmDonation',
      icon: 'Check',
      variant: 'success',
      component: components.ConfirmAction,
      isAllowed: mayDecideDonation,
      async run({ core, actor, recordId, lng }) {
        await confirmReported(core, actor, recordId);
        return { message: resourceMessage(lng, 'donationConfirmed') };
      },
    }),
    rejectDonation: coreRecordAction(core, {
      name: 'rejectDonation',
      icon: 'X',
      variant: 'danger',
      component: components.RejectWithReason,
      isAllowed: mayDecideDonation,
      async run({ core, actor, recordId, payload, lng }) {
        const reason = typeof payload.reason === 'string' ? payload.reason : '';
        await rejectReported(core, actor, recordId, reason);
        return { message: resourceMessage(lng, 'donationRejected') };
      },
    }),
  };
}
