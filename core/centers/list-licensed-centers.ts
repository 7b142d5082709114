/**
 * What donors are offered: LICENSED centers only (a center without a license
 * may not act under its name, domain.md rule 1), searchable by name as people
 * type it (Persian/Arabic letters and digits normalised), optionally in one county.
 */
import { z } from 'zod';
import type { Center } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { persianDigits } from '../digits.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';

export const listLicensedCentersInput = z
  .object({
    query: optionalText(100),
    countyId: id.optional(),
    limit: positiveInt(100).optional().default(20),
  });
export type ListLicensedCentersInput = z.input<typeof listLicensedCentersInput>;

/** A licensed center in a list donors choose from. */
export type LicensedCenterSummary = Pick<
  Center,
  'id' | 'name' | 'countyId' | 'hostType' | 'hostName' | 'activityArea' | 'activityCode' | 'areaKind'
>;

/**
 * Names written by apply-for-license are normalised, but rows imported or typed
 * elsewhere may hold Arabic ي/ك or Persian digits: the query is tried in each spelling.
 */
function spellings(q: string): string[] {
  const arabic = (s: string) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  return [...new Set([q, arabic(q), persianDigits(q), arabic(persianDigits(q))])];
}

// Public information (name, host, area): any actor, even an unidentified chat, may list it.
export async function listLicensedCenters(ctx: Ctx, _actor: Actor, raw?: ListLicensedCentersInput): Promise<LicensedCenterSummary[]> {
  const input = parseInput(listLicensedCentersInput, raw ?? {});
  const q = input.query;
  const centers = await ctx.db.center.findMany({
    where: {
      licenseState: 'LICENSED',
      ...(input.countyId ? { countyId: input.countyId } : {}),
      ...(q
        ? {
            OR: spellings(q).map((spelling) => ({ name: { contains: spelling, mode: 'insensitive' as const } })),
          }
        : {}),
    },
    select: { id: true, name: true, countyId: true, hostType: true, hostName: true, activityArea: true, activityCode: true, areaKind: true },
    orderBy: { name: 'asc' },
    take: input.limit,
  });
  return centers;
}
