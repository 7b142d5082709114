import { z } from 'zod';
import { NeedCategory, NeedPriority } from '../../prisma/generated/client/enums.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { amount, id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { beneficiaryScope, loadBeneficiary, needView, type NeedView } from './beneficiary-view.ts';

export const recordNeedInput = z.object({
  beneficiaryId: id,
  category: z.enum(NeedCategory, { message: 'VALIDATION' }),
  priority: z.enum(NeedPriority, { message: 'VALIDATION' }).default('MEDIUM'),
  description: optionalText(1000),
  estimatedCostRial: amount('RIAL').optional(),
});
export type RecordNeedInput = z.input<typeof recordNeedInput>;

/** Records a need of an active household, with its priority (the vice-chair's job). */
export async function recordNeed(ctx: Ctx, actor: Actor, raw: RecordNeedInput): Promise<NeedView> {
  const input = parseInput(recordNeedInput, raw);
  return inTransaction(ctx, async (tx) => {
    const b = await loadBeneficiary(tx, input.beneficiaryId);
    authorize(actor, 'beneficiary.write', beneficiaryScope(b));
    if (b.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    const need = await tx.beneficiaryNeed.create({
      data: {
        beneficiaryId: b.id,
        category: input.category,
        priority: input.priority,
        description: input.description ?? null,
        estimatedCostRial: input.estimatedCostRial ?? null,
      },
    });
    await audit(tx, actor, { action: 'beneficiary.recordNeed', entity: 'BeneficiaryNeed', entityId: need.id, after: needView(need) });
    return needView(need);
  });
}
