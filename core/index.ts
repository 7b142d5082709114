/**
 * createCore({ db, clock }): the domain's use-cases, grouped by area, bound
 * to one database and clock. Bot and panel call only this.
 */
import type { Actor } from './actor.ts';
import { createCtx, type CoreDeps, type Ctx } from './context.ts';
import { decideApproval } from './approvals/decide-approval.ts';
import type { ApprovalHandlers } from './approvals/registry.ts';
import { beneficiariesUseCases } from './beneficiaries/index.ts';
import { centersApprovalHandlers, centersUseCases } from './centers/index.ts';
import { fundsApprovalHandlers, fundsUseCases } from './funds/index.ts';
import { givingApprovalHandlers, givingUseCases } from './giving/index.ts';
import { reportsUseCases } from './reports/index.ts';
import { trusteesApprovalHandlers, trusteesUseCases } from './trustees/index.ts';
import { volunteersApprovalHandlers, volunteersUseCases } from './volunteers/index.ts';
import { workApprovalHandlers, workUseCases } from './work/index.ts';

/** Every approval kind and the area that applies its decision. */
export const approvalHandlers: ApprovalHandlers = {
  ...centersApprovalHandlers,
  ...givingApprovalHandlers,
  ...fundsApprovalHandlers,
  ...trusteesApprovalHandlers,
  ...volunteersApprovalHandlers,
  ...workApprovalHandlers,
};

export function createCore(deps: CoreDeps) {
  const ctx: Ctx = createCtx(deps);
  return {
    ctx,
    centers: centersUseCases(ctx),
    trustees: trusteesUseCases(ctx),
    volunteers: volunteersUseCases(ctx),
    giving: givingUseCases(ctx),
    funds: fundsUseCases(ctx),
    beneficiaries: beneficiariesUseCases(ctx),
    work: workUseCases(ctx),
    reports: reportsUseCases(ctx),
    approvals: {
      decide: (actor: Actor, input: unknown) => decideApproval(ctx, approvalHandlers, actor, input),
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export { DomainError, isDomainError, type ErrorCode } from './errors.ts';
export type { Actor } from './actor.ts';
