/** A donor merge undone: what the merge moved goes back, what the kept donor gained since stays; audited; staff only. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { mergeDonors } from '../../../core/giving/merge-donors.ts';
import { unmergeDonors } from '../../../core/giving/unmerge-donors.ts';
import { createCenter, createDonation, createDonor, createNetwork, createNetworkMembership, createPerson, createPledge, uniqueMobile } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

async function lookAlikes() {
  const mobile = uniqueMobile();
  const keep = await createDonor(database.db, { personId: (await createPerson(database.db, { mobile })).id, recruitedByCenterId: w.center.id });
  const dup = await createDonor(database.db, { personId: (await createPerson(database.db, { mobile, nationalId: null })).id, recruitedByCenterId: w.center.id });
  return { keep, dup };
}

describe('unmergeDonors', () => {
  it('gives the duplicate back its pledges, donations, memberships and earlier merges; keeps what the kept donor gained since', async () => {
    const db = database.db;
    const { keep, dup } = await lookAlikes();
    const older = await createDonor(db, { mergedIntoId: dup.id, mergedAt: new Date() });
    const pledge = await createPledge(db, { centerId: w.center.id, donorId: dup.id });
    const gift = await createDonation(db, { centerId: w.center.id, donorId: dup.id, state: 'CONFIRMED' });
    const n1 = await createNetwork(db, { centerId: w.center.id });
    const n2 = await createNetwork(db, { centerId: w.center.id });
    const moved = await createNetworkMembership(db, { networkId: n1.id, donorId: dup.id });
    const clash = await createNetworkMembership(db, { networkId: n2.id, donorId: dup.id });
    await createNetworkMembership(db, { networkId: n2.id, donorId: keep.id });
    await mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id });
    const gainedSince = await createDonation(db, { centerId: w.center.id, donorId: keep.id, state: 'CONFIRMED' });

    const restored = await unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: 'دو نفر جدا هستند' });
    expect(restored).toMatchObject({ id: dup.id, mergedIntoId: null, mergedAt: null });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).donorId).toBe(dup.id);
    expect(await db.donation.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ donorId: dup.id, state: 'CONFIRMED', receiptNo: gift.receiptNo });
    expect((await db.donation.findUniqueOrThrow({ where: { id: gainedSince.id } })).donorId).toBe(keep.id);
    expect((await db.networkMembership.findUniqueOrThrow({ where: { id: moved.id } })).donorId).toBe(dup.id);
    expect((await db.networkMembership.findUniqueOrThrow({ where: { id: clash.id } })).leftAt).toBeNull();
    expect((await db.donor.findUniqueOrThrow({ where: { id: older.id } })).mergedIntoId).toBe(dup.id);

    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: dup.id, action: 'donor.unmerge' } });
    expect(log.after).toMatchObject({ mergedIntoId: null, reason: 'دو نفر جدا هستند', moved: { pledges: 1, donations: 1, networkMemberships: 1, reopenedMemberships: 1 } });
    // Merged again, then undone again: the newest merge is the one undone.
    await mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id });
    await unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: 'باز هم جدا' });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).donorId).toBe(dup.id);
  });

  it('is refused for a donor not merged, without a visible reason, to trustees and other counties; nothing changes', async () => {
    const db = database.db;
    const { keep, dup } = await lookAlikes();
    await expect(unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: 'اشتباه' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const pledge = await createPledge(db, { centerId: w.center.id, donorId: dup.id });
    await mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id });
    const otherCounty = (await createCenter(db)).countyId;
    const foreign = await staffActor(db, 'COUNTY_STAFF', { countyId: otherCounty });
    await expect(unmergeDonors(ctx, w.finance, { donorId: dup.id, reason: 'اشتباه' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(unmergeDonors(ctx, foreign, { donorId: dup.id, reason: 'اشتباه' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: '\u200c\u200c' })).rejects.toMatchObject({ code: 'TEXT_NOT_VISIBLE' });
    expect(await db.donor.findUniqueOrThrow({ where: { id: dup.id } })).toMatchObject({ mergedIntoId: keep.id });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).donorId).toBe(keep.id);
    expect(await db.auditLog.count({ where: { entityId: dup.id, action: 'donor.unmerge' } })).toBe(0);
  });

  it('waits for a later merge of the kept donor to be undone first', async () => {
    const { keep, dup } = await lookAlikes();
    const third = await createDonor(database.db, { recruitedByCenterId: w.center.id });
    await mergeDonors(ctx, w.staff, { keepDonorId: keep.id, duplicateDonorId: dup.id });
    await mergeDonors(ctx, w.staff, { keepDonorId: third.id, duplicateDonorId: keep.id });
    await expect(unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: 'اشتباه' })).rejects.toMatchObject({ code: 'DONOR_MERGED' });
    await unmergeDonors(ctx, w.staff, { donorId: keep.id, reason: 'اشتباه' });
    await unmergeDonors(ctx, w.staff, { donorId: dup.id, reason: 'اشتباه' });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: dup.id } })).mergedIntoId).toBeNull();
  });
});
