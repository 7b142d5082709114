/**
 * Undoes a donor merge (Imdad staff, with a reason): what the merge moved -- as
 * its audit row lists it -- goes back to the duplicate, and the duplicate is a
 * donor of its own again. Only what still sits with the kept donor moves back
 * (nothing the kept donor gained since is taken); memberships the merge closed
 * are reopened when they were closed by it. When the kept donor was itself
 * merged since (this donor then points at the newer survivor), that later
 * merge must be undone first.
 */
import { z } from 'zod';
import type { Donor } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const unmergeDonorsInput = z.object({
  /** The donor that was merged into another. */
  donorId: id,
  reason: text(1000).refine((s) => /[\p{L}\p{N}]/u.test(s), { message: 'REQUIRED' }),
});
export type UnmergeDonorsInput = z.input<typeof unmergeDonorsInput>;

/** What donor.merge's audit row recorded before the merge. */
interface MergeRecord {
  keptId: string | null;
  pledgeIds: string[];
  donationIds: string[];
  networkMembershipIds: string[];
  closedNetworkMembershipIds: string[];
  mergedFromDonorIds: string[];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

async function lastMerge(tx: Tx, donorId: string): Promise<MergeRecord> {
  const row = await tx.auditLog.findFirst({ where: { action: 'donor.merge', entity: 'Donor', entityId: donorId }, orderBy: { id: 'desc' } });
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'AuditLog' });
  const b = (row.before ?? {}) as Record<string, unknown>;
  const a = (row.after ?? {}) as Record<string, unknown>;
  return {
    keptId: typeof a.mergedIntoId === 'string' ? a.mergedIntoId : null,
    pledgeIds: list(b.pledgeIds),
    donationIds: list(b.donationIds),
    networkMembershipIds: list(b.networkMembershipIds),
    closedNetworkMembershipIds: list(b.closedNetworkMembershipIds),
    mergedFromDonorIds: list(b.mergedFromDonorIds),
  };
}

export async function unmergeDonors(ctx: Ctx, actor: Actor, raw: UnmergeDonorsInput): Promise<Donor> {
  const input = parseInput(unmergeDonorsInput, raw);
  return inTransaction(ctx, async (tx) => {
    const dup = await tx.donor.findUnique({ where: { id: input.donorId }, include: { recruitedByCenter: { select: { countyId: true } } } });
    if (!dup) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    if (!dup.mergedIntoId) throw new DomainError('INVALID_STATE');
    // The same locks, in the same order, as the merge.
    for (const k of [dup.id, dup.mergedIntoId].sort()) await lockKey(tx, `donor:${k}`);
    const keep = await tx.donor.findUniqueOrThrow({ where: { id: dup.mergedIntoId }, include: { recruitedByCenter: { select: { countyId: true } } } });
    for (const d of [keep, dup]) authorize(actor, 'donor.merge', { countyId: d.recruitedByCenter?.countyId ?? null });
    if (keep.mergedIntoId) throw new DomainError('DONOR_MERGED');

    const moved = await lastMerge(tx, dup.id);
    // The kept donor was merged on since, carrying this donor along: that merge first.
    if (moved.keptId !== keep.id) throw new DomainError('DONOR_MERGED');
    const back = { donorId: keep.id };
    const pledges = await tx.pledge.updateMany({ where: { id: { in: moved.pledgeIds }, ...back }, data: { donorId: dup.id } });
    const donations = await tx.donation.updateMany({ where: { id: { in: moved.donationIds }, ...back }, data: { donorId: dup.id } });
    const memberships = await tx.networkMembership.updateMany({ where: { id: { in: moved.networkMembershipIds }, ...back }, data: { donorId: dup.id } });
    const reopened = dup.mergedAt
      ? await tx.networkMembership.updateMany({ where: { id: { in: moved.closedNetworkMembershipIds }, donorId: dup.id, leftAt: dup.mergedAt }, data: { leftAt: null } })
      : { count: 0 };
    await tx.donor.updateMany({ where: { id: { in: moved.mergedFromDonorIds }, mergedIntoId: keep.id }, data: { mergedIntoId: dup.id } });
    const restored = await tx.donor.update({ where: { id: dup.id }, data: { mergedIntoId: null, mergedAt: null } });

    await audit(tx, actor, {
      action: 'donor.unmerge',
      entity: 'Donor',
      entityId: dup.id,
      before: { mergedIntoId: keep.id, mergedAt: dup.mergedAt },
      after: {
        mergedIntoId: null,
        reason: input.reason,
        moved: { pledges: pledges.count, donations: donations.count, networkMemberships: memberships.count, reopenedMemberships: reopened.count },
      },
    });
    return restored;
  });
}
