import { bindUseCases } from '../bind.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import type { Ctx } from '../context.ts';
import { createDistribution } from './create-distribution.ts';
import { distributionApproval } from './distribution-approval.ts';
import { getFundBalance } from './get-fund-balance.ts';
import { listFundBalances } from './list-fund-balances.ts';
import { markDistributed } from './mark-distributed.ts';
import { outOfAreaApproval } from './out-of-area-approval.ts';
import { recordDistribution } from './record-distribution.ts';

export function fundsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    getFundBalance,
    listFundBalances,
    createDistribution,
    recordDistribution,
    markDistributed,
  });
}

export const fundsApprovalHandlers: ApprovalHandlers = { DISTRIBUTION: distributionApproval, DISTRIBUTION_OUT_OF_AREA: outOfAreaApproval };
