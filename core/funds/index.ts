import { bindUseCases } from '../bind.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import type { Ctx } from '../context.ts';
import { createDistribution } from './create-distribution.ts';
import { distributionApproval } from './distribution-approval.ts';
import { getFundBalance } from './get-fund-balance.ts';
import { markDistributed } from './mark-distributed.ts';

export function fundsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    getFundBalance,
    createDistribution,
    markDistributed,
  });
}

export const fundsApprovalHandlers: ApprovalHandlers = { DISTRIBUTION: distributionApproval };
