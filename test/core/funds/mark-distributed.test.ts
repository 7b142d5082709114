import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { markDistributed } from '../../../core/funds/mark-distributed.ts';
import { createCenter, createDistribution as createDistributionRow, createNeed } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { fund, NOW, useCenterWorld } from '../../helpers/beneficiaries.ts';

describe('markDistributed', () => {
  const t = useCenterWorld(({ db, w }) => fund(db, w.center.id, 'GENERAL', 10_000_000n));

  it('dates the hand-over, meets the need, leaves the balance as approved, and is audited', async () => {
    const need = await createNeed(t.db, { beneficiaryId: t.w.beneficiary.id, category: 'FOOD' });
    const d = await createDistribution(t.ctx, t.w.viceChair, {
      centerId: t.w.center.id, beneficiaryId: t.w.beneficiary.id, needId: need.id, fund: 'GENERAL', kind: 'CASH', amountRial: '4000000',
    });
    const done = await markDistributed(t.ctx, t.w.chair, { distributionId: d.id, needMet: true });
    expect(done).toMatchObject({ state: 'DISTRIBUTED', distributedAt: NOW, distributedById: t.w.chair.personId });
    expect(await t.db.beneficiaryNeed.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ state: 'MET', metAt: NOW });
    expect(await fundBalanceRial(t.db, t.w.center.id, 'GENERAL')).toBe(6_000_000n);
    expect(await t.db.auditLog.count({ where: { entityId: d.id, action: 'distribution.markDistributed' } })).toBe(1);
    await expect(markDistributed(t.ctx, t.w.chair, { distributionId: d.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('only approved aid, and only by the center that gives it', async () => {
    const pending = await createDistributionRow(t.db, { centerId: t.w.center.id, beneficiaryId: t.w.beneficiary.id });
    await expect(markDistributed(t.ctx, t.w.viceChair, { distributionId: pending.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const approved = await createDistributionRow(t.db, { centerId: t.w.center.id, beneficiaryId: t.w.beneficiary.id, state: 'APPROVED' });
    const otherViceChair = await trusteeActor(t.db, (await createCenter(t.db)).id, 'VICE_CHAIR');
    for (const actor of [t.w.finance, t.w.donorsOfficer, otherViceChair])
      await expect(markDistributed(t.ctx, actor, { distributionId: approved.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
