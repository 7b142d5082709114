import { z } from 'zod';
import type { Distribution } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError, isDomainError } from '../errors.ts';
import { amount, parseInput } from '../input/schemas.ts';
import { createDistribution, createDistributionInput } from './create-distribution.ts';

/**
 * A distribution as staff type it: amounts in Toman, the unit people speak (the books keep
 * Rials). Everything else is createDistribution's input and rules.
 */
const base = createDistributionInput.shape;
// The fields in the order a form asks them: each amount where its Rial twin stands.
export const recordDistributionInput = z.object({
  centerId: base.centerId,
  beneficiaryId: base.beneficiaryId,
  householdReferenceCode: base.householdReferenceCode,
  needId: base.needId,
  purpose: base.purpose,
  fund: base.fund,
  kind: base.kind,
  amountToman: amount('TOMAN').optional(),
  itemDescription: base.itemDescription,
  quantity: base.quantity,
  unit: base.unit,
  estimatedValueToman: amount('TOMAN').optional(),
  serviceDescription: base.serviceDescription,
  serviceHours: base.serviceHours,
  note: base.note,
});
export type RecordDistributionInput = z.input<typeof recordDistributionInput>;

const TOMAN_FIELD: Record<string, string> = { amountRial: 'amountToman', estimatedValueRial: 'estimatedValueToman' };

export async function recordDistribution(ctx: Ctx, actor: Actor, raw: RecordDistributionInput): Promise<Distribution> {
  const { amountToman, estimatedValueToman, ...rest } = parseInput(recordDistributionInput, raw);
  try {
    // The schema already turned Toman into Rials.
    return await createDistribution(ctx, actor, { ...rest, amountRial: amountToman, estimatedValueRial: estimatedValueToman });
  } catch (e) {
    // A refusal names the field the person typed.
    const field = isDomainError(e) ? TOMAN_FIELD[String(e.params.field)] : undefined;
    if (isDomainError(e) && field) throw new DomainError(e.code, { ...e.params, field });
    throw e;
  }
}
