/** listPendingDecisions: what a trustee's role may decide in their center, oldest first, and nothing else. */
import { describe, expect, it } from 'vitest';
import { approvalHandlers } from '../../../core/index.ts';
import { listPendingDecisions } from '../../../core/approvals/list-pending-decisions.ts';
import { createBeneficiary, createCenter, createDistribution, createDonation, createDonor, createPerson } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { chatActor, FIXED_NOW, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

const list = (actor: Parameters<typeof listPendingDecisions>[2]) => listPendingDecisions(ctx, approvalHandlers, actor, {});
const at = (minutes: number) => new Date(FIXED_NOW.getTime() - minutes * 60_000);

describe('listPendingDecisions', () => {
  it("the finance officer sees the center's reported donations with their proof; a requested one appears once, as its request", async () => {
    const center = await createCenter(ctx.db);
    const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
    const person = await createPerson(ctx.db, { firstName: 'مریم', lastName: 'احمدی' });
    const donor = await createDonor(ctx.db, { personId: person.id });
    const older = await createDonation(ctx.db, { centerId: center.id, donorId: donor.id, receiptFileId: 'photo-1', createdAt: at(30) });
    const requested = await createDonation(ctx.db, { centerId: center.id, createdAt: at(20) });
    const request = await ctx.db.approvalRequest.create({
      data: { kind: 'DONATION_CONFIRMATION', targetEntity: 'Donation', targetId: requested.id, centerId: center.id, requestedAt: at(10) },
    });
    await createDonation(ctx.db, { centerId: center.id, state: 'CONFIRMED' });
    await createDonation(ctx.db, { centerId: (await createCenter(ctx.db)).id });

    const items = await list(finance);
    expect(items.map((i) => [i.type, i.id])).toEqual([
      ['donation', older.id],
      ['request', request.id],
    ]);
    expect(items[0]!.type === 'donation' && items[0]!.donation).toMatchObject({
      donorName: 'مریم احمدی',
      amountRial: 2_000_000n,
      receiptFileId: 'photo-1',
      traceNumber: older.traceNumber,
    });
    expect(items[1]!.type === 'request' && items[1]!.donation?.donationId).toBe(requested.id);
  });

  it("the chair sees the center's distributions waiting for approval by reference code; other officers see neither", async () => {
    const center = await createCenter(ctx.db);
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    const donorsMen = await trusteeActor(ctx.db, center.id, 'DONORS_MEN');
    const beneficiary = await createBeneficiary(ctx.db, { centerId: center.id });
    const d = await createDistribution(ctx.db, { centerId: center.id, beneficiaryId: beneficiary.id });
    const request = await ctx.db.approvalRequest.create({
      data: { kind: 'DISTRIBUTION', targetEntity: 'Distribution', targetId: d.id, centerId: center.id, deciderTrusteeRole: 'CHAIR' },
    });
    await createDonation(ctx.db, { centerId: center.id });

    const items = await list(chair);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'request', id: request.id, kind: 'DISTRIBUTION', distribution: { referenceCode: beneficiary.referenceCode, amountRial: 3_000_000n } });
    expect(JSON.stringify(items, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(beneficiary.headName);
    expect(await list(donorsMen)).toEqual([]);
  });

  it('a suspended center has nothing to decide; only trustees may ask', async () => {
    const center = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
    await createDonation(ctx.db, { centerId: center.id });
    expect(await list(finance)).toEqual([]);
    await expect(list(await chatActor(ctx.db))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
