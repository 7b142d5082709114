import type { Actor } from '../actor.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import type { Ctx } from '../context.ts';
import { createDistribution } from './create-distribution.ts';
import { distributionApproval } from './distribution-approval.ts';
import { getFundBalance } from './get-fund-balance.ts';
import { markDistributed } from './mark-distributed.ts';

export function fundsUseCases(ctx: Ctx) {
  return {
    getFundBalance: (actor: Actor, input: unknown) => getFundBalance(ctx, actor, input),
    createDistribution: (actor: Actor, input: unknown) => createDistribution(ctx, actor, input),
    markDistributed: (actor: Actor, input: unknown) => markDistributed(ctx, actor, input),
  };
}

export const fundsApprovalHandlers: ApprovalHandlers = { DISTRIBUTION: distributionApproval };
