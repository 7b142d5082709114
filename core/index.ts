/**
 * createCore({ db, clock }): the domain's use-cases, grouped by area, bound
 * to one database and clock. Bot and panel call only this.
 */
import { bindUseCases } from './bind.ts';
import { createCtx, withinTransaction, type CoreDeps, type Ctx, type Tx } from './context.ts';
import { decideApproval } from './approvals/decide-approval.ts';
import { listPendingDecisions } from './approvals/list-pending-decisions.ts';
import type { ApprovalHandlers } from './approvals/registry.ts';
import { beneficiariesUseCases } from './beneficiaries/index.ts';
import { broadcastsUseCases } from './broadcasts/index.ts';
import { centersApprovalHandlers, centersUseCases } from './centers/index.ts';
import { fundsApprovalHandlers, fundsUseCases } from './funds/index.ts';
import { givingApprovalHandlers, givingUseCases } from './giving/index.ts';
import { notificationsUseCases } from './notifications/index.ts';
import { paymentsUseCases } from './payments/index.ts';
import { reportsUseCases } from './reports/index.ts';
import { createActorResolver, type ChatIdentity } from './security/chat-actors.ts';
import { securityUseCases } from './security/index.ts';
import { statementsUseCases } from './statements/index.ts';
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
  return bindCore(createCtx(deps));
}

/**
 * The same use-cases joined to the caller's open transaction: the bot handles an
 * update (dedupe row, session, the work) as one unit that commits or rolls back.
 */
export function coreInTransaction(core: Core, tx: Tx): Core {
  return bindCore(withinTransaction(core.ctx, tx));
}

function bindCore(ctx: Ctx) {
  return {
    ctx,
    centers: centersUseCases(ctx),
    trustees: trusteesUseCases(ctx),
    volunteers: volunteersUseCases(ctx),
    giving: givingUseCases(ctx),
    payments: paymentsUseCases(ctx),
    statements: statementsUseCases(ctx),
    funds: fundsUseCases(ctx),
    beneficiaries: beneficiariesUseCases(ctx),
    work: workUseCases(ctx),
    reports: reportsUseCases(ctx),
    broadcasts: broadcastsUseCases(ctx),
    notifications: notificationsUseCases(ctx),
    security: securityUseCases(ctx),
    approvals: bindUseCases(ctx, { decide: decideApproval, listPendingDecisions }, approvalHandlers),
    /** Who a chat's person is (donor, volunteer, trustee), read lazily within this context's transaction. */
    actorsOfChat: (account: ChatIdentity) => createActorResolver(ctx, account),
  };
}

export type Core = ReturnType<typeof bindCore>;
export { DomainError, isDomainError, type ErrorCode } from './errors.ts';
export type { Actor } from './actor.ts';
