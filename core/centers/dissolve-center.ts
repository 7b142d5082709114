/** Closing a center: its assets are handed over under Imdad's supervision (domain.md rule 9), so how is required. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { decideLicense, type CenterResult } from './license-transition.ts';

export const dissolveCenterInput = z.object({
  centerId: id,
  assetHandover: text(4000),
  reason: optionalText(1000),
  letterNo: optionalText(100),
});
export type DissolveCenterInput = z.input<typeof dissolveCenterInput>;

export async function dissolveCenter(ctx: Ctx, actor: Actor, raw: DissolveCenterInput): Promise<CenterResult> {
  const input = parseInput(dissolveCenterInput, raw);
  return decideLicense(ctx, actor, input.centerId, 'DISSOLVED', {
    assetHandover: input.assetHandover,
    reason: input.reason,
    letterNo: input.letterNo,
  });
}
