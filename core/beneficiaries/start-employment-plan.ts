import { z } from 'zod';
import type { EmploymentPlan } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const startEmploymentPlanInput = z.object({ planId: id });
export type StartEmploymentPlanInput = z.input<typeof startEmploymentPlanInput>;

/**
 * A plan drafted for a household starts once the board has its mentor, capital or place
 * ready: from then on it is followed up. Only a draft of a household still helped starts.
 */
export async function startEmploymentPlan(ctx: Ctx, actor: Actor, raw: StartEmploymentPlanInput): Promise<EmploymentPlan> {
  const input = parseInput(startEmploymentPlanInput, raw);
  return inTransaction(ctx, async (tx) => {
    const plan = await tx.employmentPlan.findUnique({
      where: { id: input.planId },
      include: { center: { select: { countyId: true, licenseState: true } }, beneficiary: { select: { state: true } } },
    });
    if (!plan) throw new DomainError('NOT_FOUND');
    authorize(actor, 'employment.write', { centerId: plan.centerId, countyId: plan.center.countyId, licenseState: plan.center.licenseState });
    if (plan.state !== 'DRAFT') throw new DomainError('INVALID_STATE');
    if (plan.beneficiary.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    const started = await tx.employmentPlan.update({ where: { id: plan.id }, data: { state: 'ACTIVE', startedAt: ctx.clock.now() } });
    await audit(tx, actor, {
      action: 'employment.startPlan',
      entity: 'EmploymentPlan',
      entityId: plan.id,
      before: { state: plan.state },
      after: { state: started.state, startedAt: started.startedAt },
    });
    return started;
  });
}
