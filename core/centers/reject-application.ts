/** The province office refuses a center's application (APPLIED → REJECTED); the reason is required and kept. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { decideLicense, type CenterResult } from './license-transition.ts';

export const rejectApplicationInput = z.object({ centerId: id, reason: text(1000), letterNo: optionalText(100) });
export type RejectApplicationInput = z.input<typeof rejectApplicationInput>;

export async function rejectApplication(ctx: Ctx, actor: Actor, raw: RejectApplicationInput): Promise<CenterResult> {
  const input = parseInput(rejectApplicationInput, raw);
  return decideLicense(ctx, actor, input.centerId, 'REJECTED', { reason: input.reason, letterNo: input.letterNo });
}
