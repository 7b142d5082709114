import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput } from '../input/schemas.ts';
import type { BeneficiaryView } from './beneficiary-view.ts';
import { endBeneficiary } from './end-beneficiary.ts';

export const markSelfSufficientInput = z.object({ beneficiaryId: id });
export type MarkSelfSufficientInput = z.input<typeof markSelfSufficientInput>;

/** The household no longer needs aid: the goal of "empowerment". */
export async function markSelfSufficient(ctx: Ctx, actor: Actor, raw: MarkSelfSufficientInput): Promise<BeneficiaryView> {
  const input = parseInput(markSelfSufficientInput, raw);
  return endBeneficiary(ctx, actor, input.beneficiaryId, 'SELF_SUFFICIENT');
}
