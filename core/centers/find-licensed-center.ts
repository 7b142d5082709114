/**
 * One licensed center by its activity code (the bot's deep link `c_<code>`,
 * printed as a QR code for the mosque) or by id (the center a chat chose).
 * A center without a license may not act under its name (domain.md rule 1),
 * so an existing but unlicensed center is refused with CENTER_NOT_LICENSED.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { toAsciiDigits } from '../input/normalize.ts';
import { id, parseInput } from '../input/schemas.ts';

export const findLicensedCenterInput = z.union([
  z.object({
    activityCode: z
      .string()
      .transform((s) => toAsciiDigits(s).trim())
      .pipe(z.string().min(1, { message: 'VALIDATION' }).max(64, { message: 'VALIDATION' })),
  }),
  z.object({ centerId: id }),
]);
export type FindLicensedCenterInput = z.input<typeof findLicensedCenterInput>;

/** A licensed center as anyone may see it. */
export interface LicensedCenter {
  id: string;
  name: string;
  hostName: string;
  activityArea: string;
  activityCode: string | null;
  countyId: string;
  countyName: string;
}

// Public information (name, host, area, county): any actor, even an unidentified chat.
export async function findLicensedCenter(ctx: Ctx, _actor: Actor, raw: FindLicensedCenterInput): Promise<LicensedCenter> {
  const input = parseInput(findLicensedCenterInput, raw);
  const center = await ctx.db.center.findFirst({
    where:
      'centerId' in input
        ? { id: input.centerId }
        : { activityCode: { equals: input.activityCode, mode: 'insensitive' } },
    select: {
      id: true,
      name: true,
      hostName: true,
      activityArea: true,
      activityCode: true,
      licenseState: true,
      county: { select: { id: true, name: true } },
    },
  });
  if (!center) throw new DomainError('NOT_FOUND');
  if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
  return {
    id: center.id,
    name: center.name,
    hostName: center.hostName,
    activityArea: center.activityArea,
    activityCode: center.activityCode,
    countyId: center.county.id,
    countyName: center.county.name,
  };
}
