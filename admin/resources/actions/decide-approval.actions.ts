/**
 * Approve / reject-with-reason for every approval kind core registers
 * (core/index.ts approvalHandlers): each is one `core.approvals.decide` call, which
 * applies the decision, audits it and queues the notifications in one transaction.
 */
import type { Action, RecordActionResponse } from 'adminjs';
import type { ApprovalKind } from '../../../prisma/generated/client/client.ts';
import { approvalHandlers, type Core } from '../../../core/index.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import type { ComponentIds } from '../define.ts';
import { resourceMessage } from '../messages.ts';
import { coreRecordAction } from './core-record-action.ts';

/** May this login decide a request of this kind, in this state? (core re-checks the target's scope) */
export function mayDecide(actor: AdminActor, params: Record<string, unknown>): boolean {
  if (params.state !== 'PENDING') return false;
  const handler = approvalHandlers[params.kind as ApprovalKind];
  return !!handler && roleMay(actor, handler.action);
}

export function decideApprovalActions(core: Core, components: ComponentIds): Record<string, Partial<Action<RecordActionResponse>>> {
  return {
    approve: coreRecordAction(core, {
      name: 'approve',
      icon: 'Check',
      variant: 'success',
      component: components.ConfirmAction,
      isAllowed: mayDecide,
      async run({ core, actor, recordId, lng }) {
        await core.approvals.decide(actor, { requestId: recordId, decision: 'APPROVE' });
        return { message: resourceMessage(lng, 'approvalApproved') };
      },
    }),
    reject: coreRecordAction(core, {
      name: 'reject',
      icon: 'X',
      variant: 'danger',
      component: components.RejectWithReason,
      isAllowed: mayDecide,
      async run({ core, actor, recordId, payload, lng }) {
        const reason = typeof payload.reason === 'string' ? payload.reason : '';
        await core.approvals.decide(actor, { requestId: recordId, decision: 'REJECT', reason });
        return { message: resourceMessage(lng, 'approvalRejected') };
      },
    }),
  };
}
