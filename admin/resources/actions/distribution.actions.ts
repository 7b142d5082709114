/**
 * Aid to a household in the panel, each a core use-case: the chair, the vice-chair and
 * Imdad's operators record a distribution against one of the center's funds (amounts typed
 * in Toman; core checks the fund's rules and balance and, above the threshold, asks the
 * chair -- or the vice-chair acting for an absent chair -- through the approval mechanism),
 * and mark approved aid as handed over. A household of another center's area (rule 8) is
 * named by the reference code Imdad's office gave the board; that aid waits for the office's
 * approval under ApprovalRequest before anything else (core/funds/out-of-area-approval.ts).
 */
import type { Action, ActionResponse } from 'adminjs';
import { markDistributedInput } from '../../../core/funds/mark-distributed.ts';
import { recordDistributionInput } from '../../../core/funds/record-distribution.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

export function distributionActions(ctx: DefineContext): Record<string, Partial<Action<ActionResponse>>> {
  return {
    recordDistribution: coreAction(ctx, {
      resource: 'Distribution',
      name: 'recordDistribution',
      icon: 'Plus',
      variant: 'primary',
      input: recordDistributionInput,
      useCase: (core) => core.funds.recordDistribution,
      policy: 'distribution.create',
      relations: { centerId: 'Center', beneficiaryId: 'Beneficiary' },
      // Above the threshold, or for a household of another center's area, it waits for a decision.
      notice: (d) => (d.state === 'PENDING_APPROVAL' ? 'distributionAwaitsApproval' : 'recordDistribution'),
      // The purpose is chosen from the categories; a recorded need is answered from the need's page (answerNeed).
      hidden: ['needId'],
      multiline: ['itemDescription', 'serviceDescription', 'note'],
    }),
    markDistributed: coreAction(ctx, {
      resource: 'Distribution',
      name: 'markDistributed',
      icon: 'CheckCircle',
      variant: 'success',
      record: 'distributionId',
      input: markDistributedInput,
      useCase: (core) => core.funds.markDistributed,
      policy: 'distribution.create',
      records: (distribution) => distribution.state === 'APPROVED',
      multiline: ['note'],
    }),
  };
}
