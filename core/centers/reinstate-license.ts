/** Imdad lifts a suspension: the center is LICENSED again with the same activity code and expiry. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { decideLicense, type CenterResult } from './license-transition.ts';

export const reinstateLicenseInput = z.object({ centerId: id, reason: optionalText(1000), letterNo: optionalText(100) });
export type ReinstateLicenseInput = z.input<typeof reinstateLicenseInput>;

export async function reinstateLicense(ctx: Ctx, actor: Actor, raw: ReinstateLicenseInput): Promise<CenterResult> {
  const input = parseInput(reinstateLicenseInput, raw);
  return decideLicense(ctx, actor, input.centerId, 'REINSTATED', {
    reason: input.reason,
    letterNo: input.letterNo,
    centerData: { suspendedAt: null },
  });
}
