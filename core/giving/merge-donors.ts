/**
 * Merges a duplicate donor into the one kept (Imdad staff): the duplicate's
 * pledges, donations (the frozen-donation trigger lets donorId change),
 * network memberships and earlier merges move to the kept donor; the
 * duplicate keeps its row, marked mergedIntoId/mergedAt. The audit row's
 * `before` lists every moved id, so the merge can be undone by hand.
 * A membership in a network the kept donor is already in cannot move (one per
 * network): it is closed (leftAt) instead and listed as such.
 */
import { z } from 'zod';
import type { Donor } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const mergeDonorsInput = z.object({
  keepDonorId: id,
  duplicateDonorId: id,
  reason: optionalText(1000),
});
export type MergeDonorsInput = z.input<typeof mergeDonorsInput>;

/** The donor kept, the duplicate as merged, and how much moved to the kept one. */
export interface DonorMerge {
  kept: string;
  merged: Donor;
  moved: { pledges: number; donations: number; networkMemberships: number };
}

async function loadDonor(tx: Tx, donorId: string) {
  const donor = await tx.donor.findUnique({ where: { id: donorId }, include: { recruitedByCenter: { select: { countyId: true } } } });
  if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
  return donor;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

export async function mergeDonors(ctx: Ctx, actor: Actor, raw: MergeDonorsInput): Promise<DonorMerge> {
  const input = parseInput(mergeDonorsInput, raw);
  if (input.keepDonorId === input.duplicateDonorId) throw new DomainError('VALIDATION', { field: 'duplicateDonorId' });

  return inTransaction(ctx, async (tx) => {
    // Both donors, in a fixed order so two merges of the same pair cannot deadlock.
    for (const k of [input.keepDonorId, input.duplicateDonorId].sort()) await lockKey(tx, `donor:${k}`);
    const keep = await loadDonor(tx, input.keepDonorId);
    const dup = await loadDonor(tx, input.duplicateDonorId);
    // Donors belong to no county: a county's staff may merge donors its centers recruited.
    for (const d of [keep, dup]) authorize(actor, 'donor.merge', { countyId: d.recruitedByCenter?.countyId ?? null });
    if (keep.mergedIntoId || dup.mergedIntoId) throw new DomainError('DONOR_MERGED');
    if (keep.type !== dup.type) throw new DomainError('INVALID_STATE', {}, 'a natural and a legal donor are not duplicates');

    const pledges = ids(await tx.pledge.findMany({ where: { donorId: dup.id }, select: { id: true } }));
    const donations = ids(await tx.donation.findMany({ where: { donorId: dup.id }, select: { id: true } }));
    const mergedFrom = ids(await tx.donor.findMany({ where: { mergedIntoId: dup.id }, select: { id: true } }));
    const memberships = await tx.networkMembership.findMany({ where: { donorId: dup.id } });
    const keptNetworks = new Set(
      (await tx.networkMembership.findMany({ where: { donorId: keep.id }, select: { networkId: true } })).map((m) => m.networkId),
    );
    const movable = memberships.filter((m) => !keptNetworks.has(m.networkId));
    const closed = memberships.filter((m) => keptNetworks.has(m.networkId) && !m.leftAt);
    const now = ctx.clock.now();

    await tx.pledge.updateMany({ where: { id: { in: pledges } }, data: { donorId: keep.id } });
    await tx.donation.updateMany({ where: { id: { in: donations } }, data: { donorId: keep.id } });
    await tx.donor.updateMany({ where: { id: { in: mergedFrom } }, data: { mergedIntoId: keep.id } });
    await tx.networkMembership.updateMany({ where: { id: { in: ids(movable) } }, data: { donorId: keep.id } });
    await tx.networkMembership.updateMany({ where: { id: { in: ids(closed) } }, data: { leftAt: now } });
    const merged = await tx.donor.update({ where: { id: dup.id }, data: { mergedIntoId: keep.id, mergedAt: now } });

    await audit(tx, actor, {
      action: 'donor.merge',
      entity: 'Donor',
      entityId: dup.id,
      before: {
        donorId: dup.id,
        mergedIntoId: null,
        pledgeIds: pledges,
        donationIds: donations,
        networkMembershipIds: ids(movable),
        closedNetworkMembershipIds: ids(closed),
        mergedFromDonorIds: mergedFrom,
      },
      after: { donorId: dup.id, mergedIntoId: keep.id, mergedAt: now, reason: input.reason ?? null },
    });
    return { kept: keep.id, merged, moved: { pledges: pledges.length, donations: donations.length, networkMemberships: movable.length } };
  });
}
