/** Imdad revokes a license for good; the reason is required. The activity code stays on record. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { decideLicense, type CenterResult } from './license-transition.ts';

export const revokeLicenseInput = z.object({ centerId: id, reason: text(1000), letterNo: optionalText(100) });
export type RevokeLicenseInput = z.input<typeof revokeLicenseInput>;

export async function revokeLicense(ctx: Ctx, actor: Actor, raw: RevokeLicenseInput): Promise<CenterResult> {
  const input = parseInput(revokeLicenseInput, raw);
  return decideLicense(ctx, actor, input.centerId, 'REVOKED', { reason: input.reason, letterNo: input.letterNo });
}
