/**
 * One approval mechanism for every kind of decision Imdad or a board makes.
 * An area registers, per ApprovalKind, who may decide (a policy action and
 * the scope of the target) and what approving or rejecting does. Deciding
 * (decide-approval.ts) runs that, the audit row and the notifications in one
 * transaction.
 */
import type { ApprovalKind, ApprovalRequest } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx, Tx } from '../context.ts';
import type { Action, Scope } from '../policy.ts';

export interface ApprovalHandler {
  /** The policy action a decider needs. */
  action: Action;
  /**
   * The approval is a second person's check on the requester (money out, records destroyed, a
   * license): the requester may not approve it. Not so where the request only tracks a
   * decision made elsewhere (vetting by the selection and security offices), which the officer
   * who sent it records.
   */
  secondPerson?: boolean;
  /** Where the target lives, read from the database (never from the caller). */
  scope(tx: Tx, request: ApprovalRequest): Promise<Scope>;
  /** Apply an approval: change the target, audit it, queue its notifications. */
  approve(tx: Tx, ctx: Ctx, actor: Actor, request: ApprovalRequest): Promise<void>;
  /** Apply a rejection (the reason is on the request). */
  reject(tx: Tx, ctx: Ctx, actor: Actor, request: ApprovalRequest, reason: string): Promise<void>;
}

export type ApprovalHandlers = Partial<Record<ApprovalKind, ApprovalHandler>>;
