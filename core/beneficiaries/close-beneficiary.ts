import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import type { BeneficiaryView } from './beneficiary-view.ts';
import { endBeneficiary } from './end-beneficiary.ts';

export const closeBeneficiaryInput = z.object({ beneficiaryId: id, reason: text(500) });
export type CloseBeneficiaryInput = z.input<typeof closeBeneficiaryInput>;

/** Closes a household's file (moved away, no longer eligible, …) with a reason. */
export async function closeBeneficiary(ctx: Ctx, actor: Actor, raw: CloseBeneficiaryInput): Promise<BeneficiaryView> {
  const input = parseInput(closeBeneficiaryInput, raw);
  return endBeneficiary(ctx, actor, input.beneficiaryId, 'CLOSED', input.reason);
}
