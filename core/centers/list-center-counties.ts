/**
 * Counties where a donor can choose a center: those with at least one LICENSED
 * center (the first step of the bot's county → center pick), with the count.
 */
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';

/** A county with licensed centers, and how many. */
export interface CenterCounty {
  id: string;
  name: string;
  licensedCenters: number;
}

// Public information: any actor, even an unidentified chat, may list it.
export async function listCenterCounties(ctx: Ctx, _actor: Actor): Promise<CenterCounty[]> {
  const counties = await ctx.db.county.findMany({
    where: { centers: { some: { licenseState: 'LICENSED' } } },
    select: { id: true, name: true, _count: { select: { centers: { where: { licenseState: 'LICENSED' } } } } },
    orderBy: { name: 'asc' },
  });
  return counties.map((c) => ({ id: c.id, name: c.name, licensedCenters: c._count.centers }));
}
