import { describe, expect, it } from 'vitest';
import { getFundBalance } from '../../../core/funds/get-fund-balance.ts';
import { createCenter, createDistribution, createDonation } from '../../../fixtures/factories.ts';
import { donorActor, staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { fund, useCenterWorld } from '../../helpers/beneficiaries.ts';

describe('getFundBalance', () => {
  const t = useCenterWorld(async ({ db, w }) => {
    const c = w.center.id;
    const b = w.beneficiary.id;
    await fund(db, c, 'ZAKAT', 10_000_000n);
    await fund(db, c, 'ZAKAT', 5_000_000n);
    // A reversal of a confirmed 2,000,000 gift: +2,000,000 then -2,000,000.
    await createDonation(db, { centerId: c, fund: 'ZAKAT', state: 'REVERSED', amountRial: 2_000_000n });
    // Not money in: reported, rejected, in-kind, another fund, another center.
    await createDonation(db, { centerId: c, fund: 'ZAKAT', state: 'REPORTED', amountRial: 7_000_000n });
    await createDonation(db, { centerId: c, fund: 'ZAKAT', state: 'REJECTED', amountRial: 7_000_000n });
    await createDonation(db, { centerId: c, fund: 'ZAKAT', state: 'CONFIRMED', kind: 'IN_KIND' });
    await fund(db, c, 'GENERAL', 1_000_000n);
    const other = await createCenter(db, { countyId: w.county.id });
    await fund(db, other.id, 'ZAKAT', 99_000_000n);
    // Money out: approved and distributed count; pending, cancelled and in-kind do not.
    await createDistribution(db, { centerId: c, beneficiaryId: b, fund: 'ZAKAT', state: 'APPROVED', amountRial: 1_000_000n });
    await createDistribution(db, { centerId: c, beneficiaryId: b, fund: 'ZAKAT', state: 'DISTRIBUTED', amountRial: 500_000n });
    await createDistribution(db, { centerId: c, beneficiaryId: b, fund: 'ZAKAT', state: 'PENDING_APPROVAL', amountRial: 4_000_000n });
    await createDistribution(db, { centerId: c, beneficiaryId: b, fund: 'ZAKAT', state: 'CANCELLED', amountRial: 4_000_000n });
    await createDistribution(db, { centerId: c, beneficiaryId: b, fund: 'ZAKAT', state: 'DISTRIBUTED', kind: 'IN_KIND' });
  });

  it('is confirmed cash − reversals − approved/distributed cash, per fund', async () => {
    const r = await getFundBalance(t.ctx, t.w.finance, { centerId: t.w.center.id });
    expect(r.funds).toEqual([
      { fund: 'GENERAL', receivedRial: 1_000_000n, reversedRial: 0n, distributedRial: 0n, balanceRial: 1_000_000n },
      { fund: 'ZAKAT', receivedRial: 17_000_000n, reversedRial: 2_000_000n, distributedRial: 1_500_000n, balanceRial: 13_500_000n },
    ]);
  });

  it('answers one fund, zero when untouched', async () => {
    expect((await getFundBalance(t.ctx, t.w.chair, { centerId: t.w.center.id, fund: 'ZAKAT' })).funds.map((f) => f.balanceRial)).toEqual([13_500_000n]);
    expect((await getFundBalance(t.ctx, t.w.countyStaff, { centerId: t.w.center.id, fund: 'DOWRY' })).funds[0]!.balanceRial).toBe(0n);
  });

  it('is refused to other officers, other centers, other counties and donors', async () => {
    const otherCenter = await createCenter(t.db);
    const otherChair = await trusteeActor(t.db, otherCenter.id, 'CHAIR');
    const otherStaff = await staffActor(t.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId });
    for (const actor of [t.w.donorsOfficer, otherChair, otherStaff, await donorActor(t.db)])
      await expect(getFundBalance(t.ctx, actor, { centerId: t.w.center.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
