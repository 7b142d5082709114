/**
 * createCore({ db, clock }): the domain's use-cases, grouped by area, bound
 * to one database and clock. Bot and panel call only this.
 */
import type { Actor } from './actor.ts';
import { createCtx, type CoreDeps, type Ctx } from './context.ts';
import { decideApproval } from './approvals/decide-approval.ts';
import type { ApprovalHandlers } from './approvals/registry.ts';

export function createCore(deps: CoreDeps) {
  const ctx: Ctx = createCtx(deps);
  const approvalHandlers: ApprovalHandlers = {};
  return {
    ctx,
    approvals: {
      decide: (actor: Actor, input: unknown) => decideApproval(ctx, approvalHandlers, actor, input),
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export { DomainError, isDomainError, type ErrorCode } from './errors.ts';
export type { Actor } from './actor.ts';
