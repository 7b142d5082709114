import { z } from 'zod';
import { EmploymentPlanKind, Fund } from '../../prisma/generated/client/enums.ts';
import type { EmploymentPlan } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { fundAllows } from '../funds/fund-rules.ts';
import { amount, id, optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { beneficiaryScope, loadBeneficiary } from './beneficiary-view.ts';

export const createEmploymentPlanInput = z.object({
  beneficiaryId: id,
  kind: z.enum(EmploymentPlanKind, { message: 'VALIDATION' }),
  title: text(200),
  description: optionalText(2000),
  capitalNeededRial: amount('RIAL').optional(),
  /** The fund expected to finance it: it must allow employment (e.g. not KAFFARA). */
  fundingFund: z.enum(Fund, { message: 'VALIDATION' }).optional(),
  mentorVolunteerId: id.optional(),
  networkId: id.optional(),
  /** Start at once (ACTIVE) rather than as a DRAFT. */
  start: z.boolean().default(false),
});
export type CreateEmploymentPlanInput = z.input<typeof createEmploymentPlanInput>;

/** An employment plan for an active household ("employment first"). */
export async function createEmploymentPlan(ctx: Ctx, actor: Actor, raw: CreateEmploymentPlanInput): Promise<EmploymentPlan> {
  const input = parseInput(createEmploymentPlanInput, raw);
  // Capital is cash out of the fund, so the cash rule applies (a loan fund lends for work).
  if (input.fundingFund && !fundAllows(input.fundingFund, 'EMPLOYMENT', 'CASH'))
    throw new DomainError('FUND_USE_NOT_ALLOWED', { fund: input.fundingFund, purpose: 'EMPLOYMENT' });
  return inTransaction(ctx, async (tx) => {
    const b = await loadBeneficiary(tx, input.beneficiaryId);
    authorize(actor, 'employment.write', beneficiaryScope(b));
    if (b.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    if (input.mentorVolunteerId) {
      const v = await tx.volunteer.findUnique({ where: { id: input.mentorVolunteerId }, select: { centerId: true, state: true } });
      if (!v || v.centerId !== b.centerId || v.state !== 'ACTIVE') throw new DomainError('VOLUNTEER_NOT_AVAILABLE');
    }
    if (input.networkId) {
      const n = await tx.network.findUnique({ where: { id: input.networkId }, select: { centerId: true, active: true } });
      if (!n || n.centerId !== b.centerId || !n.active) throw new DomainError('NETWORK_NOT_AVAILABLE');
    }
    const { start, ...fields } = input;
    const plan = await tx.employmentPlan.create({
      data: { ...fields, centerId: b.centerId, ...(start ? { state: 'ACTIVE', startedAt: ctx.clock.now() } : { state: 'DRAFT' }) },
    });
    await audit(tx, actor, { action: 'employment.createPlan', entity: 'EmploymentPlan', entityId: plan.id, after: plan });
    return plan;
  });
}
