/**
 * Where a center's license stands (the bot's "license status" button for its trustees;
 * any staff member covering the center): its state and the day it runs through.
 */
import { z } from 'zod';
import type { LicenseState } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const getCenterLicenseInput = z.object({ centerId: id });
export type GetCenterLicenseInput = z.input<typeof getCenterLicenseInput>;

export interface CenterLicense {
  id: string;
  name: string;
  licenseState: LicenseState;
  activityCode: string | null;
  licenseExpiresOn: Date | null;
}

export async function getCenterLicense(ctx: Ctx, actor: Actor, raw: GetCenterLicenseInput): Promise<CenterLicense> {
  const input = parseInput(getCenterLicenseInput, raw);
  const center = await ctx.db.center.findUnique({
    where: { id: input.centerId },
    select: { id: true, name: true, countyId: true, licenseState: true, activityCode: true, licenseExpiresOn: true },
  });
  if (!center) throw new DomainError('NOT_FOUND');
  authorize(actor, 'center.read', { centerId: center.id, countyId: center.countyId });
  return { id: center.id, name: center.name, licenseState: center.licenseState, activityCode: center.activityCode, licenseExpiresOn: center.licenseExpiresOn };
}
