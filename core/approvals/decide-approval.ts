import { z } from 'zod';
import type { ApprovalRequest } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import type { ApprovalHandlers } from './registry.ts';

export const decideApprovalInput = z.object({
  requestId: id,
  decision: z.enum(['APPROVE', 'REJECT']),
  reason: optionalText(1000),
});
export type DecideApprovalInput = z.input<typeof decideApprovalInput>;

/**
 * Approves or rejects a pending request; a rejection needs a reason. Deciding twice is refused,
 * and so is approving one's own request where the approval is a second person's check
 * (withdrawing one's own by rejecting it stays possible).
 */
export async function decideApproval(ctx: Ctx, handlers: ApprovalHandlers, actor: Actor, raw: DecideApprovalInput): Promise<ApprovalRequest> {
  const input = parseInput(decideApprovalInput, raw);
  if (input.decision === 'REJECT' && !input.reason) throw new DomainError('REQUIRED', { field: 'reason' });
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `approval:${input.requestId}`);
    const request = await tx.approvalRequest.findUnique({ where: { id: input.requestId } });
    if (!request) throw new DomainError('NOT_FOUND');
    const handler = handlers[request.kind];
    if (!handler) throw new DomainError('INVALID_STATE', {}, `no handler for ${request.kind}`);
    authorize(actor, handler.action, await handler.scope(tx, request));
    if (request.state !== 'PENDING') throw new DomainError('INVALID_STATE');
    const decider = personOf(actor);
    if (handler.secondPerson && input.decision === 'APPROVE' && decider !== null && decider === request.requestedById) throw new DomainError('OWN_REQUEST_APPROVAL');
    const decided = await tx.approvalRequest.update({
      where: { id: request.id },
      data: {
        state: input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
        decidedById: personOf(actor),
        decidedAt: ctx.clock.now(),
        decisionReason: input.reason ?? null,
      },
    });
    if (input.decision === 'APPROVE') await handler.approve(tx, ctx, actor, decided);
    else await handler.reject(tx, ctx, actor, decided, input.reason!);
    await audit(tx, actor, {
      action: `approval.${input.decision === 'APPROVE' ? 'approve' : 'reject'}`,
      entity: 'ApprovalRequest',
      entityId: request.id,
      before: { state: request.state },
      after: { state: decided.state, reason: decided.decisionReason },
    });
    return decided;
  });
}
