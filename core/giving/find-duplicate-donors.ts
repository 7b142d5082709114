/**
 * Donors who are probably the same natural person: the same national ID or
 * the same mobile on their people (the national ID is unique per Person, so
 * "same national ID" means two Person rows that are one human only if one of
 * them lacks it -- the mobile is the usual link). Merged donors are left out.
 * With a donorId: that donor's look-alikes (staff and donor officers); without:
 * every group in the province, computed in the database (province staff; county staff:
 * the groups among donors their county's centers found).
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const findDuplicateDonorsInput = z.object({
  donorId: id.optional(),
  limit: z.number({ message: 'VALIDATION' }).int().min(1).max(500).default(100),
});
export type FindDuplicateDonorsInput = z.input<typeof findDuplicateDonorsInput>;

export interface DuplicateGroup {
  /** What the donors share: 'mobile' or 'nationalId', and its value. */
  by: 'mobile' | 'nationalId';
  value: string;
  donorIds: string[];
  /** The same donors with their names (a person's, or an organisation's), for the faces to show. */
  donors: { id: string; name: string | null }[];
}

type Found = Omit<DuplicateGroup, 'donors'>;

/** Adds the donors' names to the groups, in one query. */
async function named(ctx: Ctx, groups: Found[]): Promise<DuplicateGroup[]> {
  const ids = [...new Set(groups.flatMap((g) => g.donorIds))];
  const rows = await ctx.db.donor.findMany({ where: { id: { in: ids } }, select: { id: true, organizationName: true, person: { select: { firstName: true, lastName: true } } } });
  const names = new Map(rows.map((d) => [d.id, (d.person ? `${d.person.firstName} ${d.person.lastName}`.trim() : d.organizationName) || null]));
  return groups.map((g) => ({ ...g, donors: g.donorIds.map((id) => ({ id, name: names.get(id) ?? null })) }));
}

export async function findDuplicateDonors(ctx: Ctx, actor: Actor, raw: FindDuplicateDonorsInput): Promise<DuplicateGroup[]> {
  const input = parseInput(findDuplicateDonorsInput, raw);
  if (input.donorId) {
    const donor = await ctx.db.donor.findUnique({ where: { id: input.donorId }, include: { person: true, recruitedByCenter: true } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    const c = donor.recruitedByCenter;
    // Not the donor themself: the answer names other donors.
    authorize(actor, 'donor.read', { centerId: c?.id, countyId: c?.countyId });
    const groups: Found[] = [];
    for (const by of ['nationalId', 'mobile'] as const) {
      const value = donor.person?.[by];
      if (!value) continue;
      const same = await ctx.db.donor.findMany({
        where: { mergedIntoId: null, person: { [by]: value } },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
      });
      if (same.length > 1) groups.push({ by, value, donorIds: same.map((d) => d.id) });
    }
    return named(ctx, groups);
  }

  // County staff merge the donors their county's centers found (merge-donors.ts): those are the ones listed for them.
  const countyId = actor.kind === 'staff' && actor.role === 'COUNTY_STAFF' ? (actor.countyId ?? null) : null;
  authorize(actor, 'donor.merge', countyId ? { countyId } : {});
  const rows = await ctx.db.$queryRaw<{ by: 'mobile' | 'nationalId'; value: string; donorIds: string[] }[]>`
    SELECT 'mobile' AS "by", p."mobile" AS "value", array_agg(d."id" ORDER BY d."createdAt") AS "donorIds"
    FROM "Donor" d JOIN "Person" p ON p."id" = d."personId"
    LEFT JOIN "Center" c ON c."id" = d."recruitedByCenterId"
    WHERE d."mergedIntoId" IS NULL AND p."mobile" IS NOT NULL
      AND (${countyId}::text IS NULL OR c."countyId" = ${countyId}::text)
    GROUP BY p."mobile" HAVING count(*) > 1
    ORDER BY min(d."createdAt")
    LIMIT ${input.limit}`;
  return named(ctx, rows.map((r) => ({ by: r.by, value: r.value, donorIds: r.donorIds })));
}
