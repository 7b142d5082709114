/** Imdad suspends a license (e.g. after an inspection); the reason is required and told to the chair. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { decideLicense, type CenterResult } from './license-transition.ts';

export const suspendLicenseInput = z.object({ centerId: id, reason: text(1000), letterNo: optionalText(100) });
export type SuspendLicenseInput = z.input<typeof suspendLicenseInput>;

export async function suspendLicense(ctx: Ctx, actor: Actor, raw: SuspendLicenseInput): Promise<CenterResult> {
  const input = parseInput(suspendLicenseInput, raw);
  return decideLicense(ctx, actor, input.centerId, 'SUSPENDED', { reason: input.reason, letterNo: input.letterNo });
}
