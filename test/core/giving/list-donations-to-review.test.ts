/** The review queue read: oldest first, only reported gifts, each reviewer's own area, the pending request carried along. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { listDonationsToReview } from '../../../core/giving/list-donations-to-review.ts';
import { createCenter, createDonation } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;
const code = (c: string) => expect.objectContaining({ code: c });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

describe('listDonationsToReview', () => {
  it("gives the finance officer their center's reported gifts, oldest first, with the proof to check", async () => {
    const db = database.db;
    const sibling = await createCenter(db, { countyId: w.county.id });
    const newer = await createDonation(db, { centerId: w.center.id, donorId: w.donor.donorId, createdAt: minutesAgo(5), traceNumber: '554433', cardLast4: '6037' });
    const older = await createDonation(db, { centerId: w.center.id, createdAt: minutesAgo(50), receiptFileId: 'photo-1' });
    await createDonation(db, { centerId: w.center.id, state: 'CONFIRMED' });
    const inSibling = await createDonation(db, { centerId: sibling.id, createdAt: minutesAgo(90) });
    const request = await db.approvalRequest.create({
      data: { kind: 'DONATION_CONFIRMATION', targetEntity: 'Donation', targetId: newer.id, centerId: w.center.id, countyId: w.county.id },
    });

    const mine = await listDonationsToReview(ctx, w.finance, {});
    expect(mine.total).toBe(2);
    expect(mine.items.map((d) => d.id)).toEqual([older.id, newer.id]);
    expect(mine.items[0]).toMatchObject({ hasReceipt: true, requestId: null, centerName: w.center.name, donorName: null });
    expect(mine.items[1]).toMatchObject({ traceNumber: '554433', cardLast4: '6037', requestId: request.id, centerSandoghAccountNo: w.center.sandoghAccountNo });
    expect(mine.items[1]!.donorName).toBeTruthy();

    // County staff: every center of their county; one center when asked; the limit keeps the total.
    const county = await listDonationsToReview(ctx, w.staff, {});
    expect(county.items.map((d) => d.id)).toEqual([inSibling.id, older.id, newer.id]);
    expect((await listDonationsToReview(ctx, w.staff, { centerId: sibling.id })).items.map((d) => d.id)).toEqual([inSibling.id]);
    expect(await listDonationsToReview(ctx, w.staff, { limit: 1 })).toMatchObject({ total: 3, items: [{ id: inSibling.id }] });
    // One gift: its pending request, for a decision made on its own page.
    expect((await listDonationsToReview(ctx, w.finance, { donationId: newer.id })).items.map((d) => d.requestId)).toEqual([request.id]);
    await expect(listDonationsToReview(ctx, w.finance, { donationId: inSibling.id })).rejects.toThrow(code('FORBIDDEN'));
  });

  it('refuses who may not confirm, and another area', async () => {
    const chair = await trusteeActor(database.db, w.center.id, 'CHAIR');
    await expect(listDonationsToReview(ctx, chair, {})).rejects.toThrow(code('FORBIDDEN'));
    await expect(listDonationsToReview(ctx, w.donor, {})).rejects.toThrow(code('FORBIDDEN'));
    const elsewhere = await createCenter(database.db);
    await expect(listDonationsToReview(ctx, w.staff, { centerId: elsewhere.id })).rejects.toThrow(code('FORBIDDEN'));
    await expect(listDonationsToReview(ctx, w.finance, { centerId: elsewhere.id })).rejects.toThrow(code('FORBIDDEN'));
    const supervisor = await staffActor(database.db, 'PROVINCE_SUPERVISOR');
    await expect(listDonationsToReview(ctx, supervisor, {})).rejects.toThrow(code('FORBIDDEN'));
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN');
    expect((await listDonationsToReview(ctx, admin, { limit: 100 })).total).toBeGreaterThanOrEqual(3);
  });

  it("opens for a suspended center's finance officer (reading is no decision)", async () => {
    const db = database.db;
    const suspended = await createCenter(db, { countyId: w.county.id, licenseState: 'SUSPENDED' });
    const finance = await trusteeActor(db, suspended.id, 'ADMIN_FINANCE');
    const gift = await createDonation(db, { centerId: suspended.id });
    expect((await listDonationsToReview(ctx, finance, {})).items.map((d) => d.id)).toEqual([gift.id]);
  });
});
