import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { createDistribution } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { markDistributed } from '../../../core/funds/mark-distributed.ts';
import type { Db } from '../../../prisma/client.ts';
import { createCenter, createDistribution as createDistributionRow, createNeed } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { type CenterWorld, fund, NOW, openCenterWorld } from '../../helpers/beneficiaries.ts';
import { useTestDatabase } from '../../helpers/db.ts';

describe('markDistributed', () => {
  const database = useTestDatabase();
  let db: Db;
  let ctx: Ctx;
  let w: CenterWorld;
  beforeAll(async () => {
    ({ db, ctx, w } = await openCenterWorld(database));
    await fund(db, w.center.id, 'GENERAL', 10_000_000n);
  });

  it('dates the hand-over, meets the need, leaves the balance as approved, and is audited', async () => {
    const need = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'FOOD' });
    const d = await createDistribution(ctx, w.viceChair, {
      centerId: w.center.id, beneficiaryId: w.beneficiary.id, needId: need.id, fund: 'GENERAL', kind: 'CASH', amountRial: '4000000',
    });
    const done = await markDistributed(ctx, w.chair, { distributionId: d.id, needMet: true });
    expect(done).toMatchObject({ state: 'DISTRIBUTED', distributedAt: NOW, distributedById: w.chair.personId });
    expect(await db.beneficiaryNeed.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ state: 'MET', metAt: NOW });
    expect(await fundBalanceRial(db, w.center.id, 'GENERAL')).toBe(6_000_000n);
    expect(await db.auditLog.count({ where: { entityId: d.id, action: 'distribution.markDistributed' } })).toBe(1);
    await expect(markDistributed(ctx, w.chair, { distributionId: d.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('only approved aid, and only by the center that gives it', async () => {
    const pending = await createDistributionRow(db, { centerId: w.center.id, beneficiaryId: w.beneficiary.id });
    await expect(markDistributed(ctx, w.viceChair, { distributionId: pending.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const approved = await createDistributionRow(db, { centerId: w.center.id, beneficiaryId: w.beneficiary.id, state: 'APPROVED' });
    const otherViceChair = await trusteeActor(db, (await createCenter(db)).id, 'VICE_CHAIR');
    for (const actor of [w.finance, w.donorsOfficer, otherViceChair])
      await expect(markDistributed(ctx, actor, { distributionId: approved.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
