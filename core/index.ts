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

/** The approval use-cases, bound with every area's handlers of a decision. */
function approvalsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, { decide: decideApproval, listPendingDecisions }, approvalHandlers);
}

/**
 * Each area is bound on first use and kept: the bot binds core to every update's
 * transaction, and an update calls one or two areas of the fourteen.
 */
function bindCore(ctx: Ctx) {
  const areas = {
    centers: centersUseCases,
    trustees: trusteesUseCases,
    volunteers: volunteersUseCases,
    giving: givingUseCases,
    payments: paymentsUseCases,
    statements: statementsUseCases,
    funds: fundsUseCases,
    beneficiaries: beneficiariesUseCases,
    work: workUseCases,
    reports: reportsUseCases,
    broadcasts: broadcastsUseCases,
    notifications: notificationsUseCases,
    security: securityUseCases,
    approvals: approvalsUseCases,
  };
  const core = {
    ctx,
    /** Who a chat's person is (donor, volunteer, trustee), read lazily within this context's transaction. */
    actorsOfChat: (account: ChatIdentity) => createActorResolver(ctx, account),
  } as { ctx: Ctx; actorsOfChat: (account: ChatIdentity) => ReturnType<typeof createActorResolver> } & {
    readonly [A in keyof typeof areas]: ReturnType<(typeof areas)[A]>;
  };
  for (const [name, bind] of Object.entries(areas)) {
    Object.defineProperty(core, name, {
      enumerable: true,
      get() {
        const bound = bind(ctx);
        Object.defineProperty(core, name, { value: bound, enumerable: true });
        return bound;
      },
      configurable: true,
    });
  }
  return core;
}

export type Core = ReturnType<typeof bindCore>;
export { DomainError, isDomainError, type ErrorCode } from './errors.ts';
export type { Actor } from './actor.ts';
