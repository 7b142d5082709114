/**
 * Donors who are probably the same natural person: the same national ID or
 * the same mobile on their people (the national ID is unique per Person, so
 * "same national ID" means two Person rows that are one human only if one of
 * them lacks it -- the mobile is the usual link). Merged donors are left out.
 * With a donorId: that donor's look-alikes (staff and donor officers); without:
 * every group in the province, computed in the database (province staff).
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
}

export async function findDuplicateDonors(ctx: Ctx, actor: Actor, raw: FindDuplicateDonorsInput): Promise<DuplicateGroup[]> {
  const input = parseInput(findDuplicateDonorsInput, raw);
  if (input.donorId) {
    const donor = await ctx.db.donor.findUnique({ where: { id: input.donorId }, include: { person: true, recruitedByCenter: true } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    const c = donor.recruitedByCenter;
    // Not the donor themself: the answer names other donors.
    authorize(actor, 'donor.read', { centerId: c?.id, countyId: c?.countyId });
    const groups: DuplicateGroup[] = [];
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
    return groups;
  }

  authorize(actor, 'donor.merge', {});
  const rows = await ctx.db.$queryRaw<{ by: 'mobile' | 'nationalId'; value: string; donorIds: string[] }[]>`
    SELECT 'mobile' AS "by", p."mobile" AS "value", array_agg(d."id" ORDER BY d."createdAt") AS "donorIds"
    FROM "Donor" d JOIN "Person" p ON p."id" = d."personId"
    WHERE d."mergedIntoId" IS NULL AND p."mobile" IS NOT NULL
    GROUP BY p."mobile" HAVING count(*) > 1
    ORDER BY min(d."createdAt")
    LIMIT ${input.limit}`;
  return rows.map((r) => ({ by: r.by, value: r.value, donorIds: r.donorIds }));
}
