/**
 * Shared by close-beneficiary and mark-self-sufficient: an ACTIVE household
 * leaves the active list and its open needs are cancelled, since nobody
 * should keep working on them.
 */
import type { BeneficiaryState } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { authorize } from '../policy.ts';
import { beneficiaryScope, beneficiaryView, loadBeneficiary, type BeneficiaryView } from './beneficiary-view.ts';

export async function endBeneficiary(
  ctx: Ctx,
  actor: Actor,
  beneficiaryId: string,
  to: Exclude<BeneficiaryState, 'ACTIVE'>,
  reason?: string,
): Promise<BeneficiaryView> {
  return inTransaction(ctx, async (tx) => {
    const b = await loadBeneficiary(tx, beneficiaryId);
    const scope = beneficiaryScope(b);
    authorize(actor, 'beneficiary.write', scope);
    if (b.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    const now = ctx.clock.now();
    const updated = await tx.beneficiary.update({
      where: { id: b.id },
      data: to === 'CLOSED' ? { state: to, closedAt: now, closeReason: reason ?? null } : { state: to, selfSufficientAt: now },
    });
    const cancelled = await tx.beneficiaryNeed.updateMany({
      where: { beneficiaryId: b.id, state: { in: ['OPEN', 'IN_PROGRESS'] } },
      data: { state: 'CANCELLED' },
    });
    await audit(tx, actor, {
      action: to === 'CLOSED' ? 'beneficiary.close' : 'beneficiary.markSelfSufficient',
      entity: 'Beneficiary',
      entityId: b.id,
      before: { state: b.state },
      after: { state: updated.state, reason: reason ?? null, needsCancelled: cancelled.count },
    });
    return beneficiaryView(actor, scope, updated);
  });
}
