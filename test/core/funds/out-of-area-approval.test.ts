/**
 * Rule 8: a board helps a household of another center's area only with the approval of Imdad's
 * office, through the one approval mechanism. The board records the aid; it waits as a
 * DISTRIBUTION_OUT_OF_AREA request for the county staff (the province office when the household
 * lives in another county); approved, it proceeds -- to the chair when it is also above the
 * threshold -- and rejected, it is cancelled with the reason. The board names such a household by
 * the reference code the office gave it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decideApproval, type DecideApprovalInput } from '../../../core/approvals/decide-approval.ts';
import { listPendingDecisions } from '../../../core/approvals/list-pending-decisions.ts';
import type { Ctx } from '../../../core/context.ts';
import { createDistribution, type CreateDistributionInput } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { fundsApprovalHandlers } from '../../../core/funds/index.ts';
import type { Db } from '../../../prisma/client.ts';
import type { Fund } from '../../../prisma/generated/client/client.ts';
import { createBeneficiary, createCenter } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { centerWorld, fund, fundsCtx, giveChat } from '../../helpers/beneficiaries.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { persianDigits } from '../../../messenger/digits.ts';

const LIMIT = 50_000_000n;

describe('aid to a household of another center (rule 8)', () => {
  const database = useTestDatabase();
  let db: Db;
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof centerWorld>>;
  /** A household of a poorer center of the same county, and the paying center's money in `fundName`. */
  let household: Awaited<ReturnType<typeof createBeneficiary>>;

  const decide = (actor: Parameters<typeof decideApproval>[2], input: DecideApprovalInput) => decideApproval(ctx, fundsApprovalHandlers, actor, input);
  const cash = (amountRial: bigint, fundName: Fund, extra: Partial<CreateDistributionInput> = {}): CreateDistributionInput => ({
    centerId: w.center.id,
    beneficiaryId: household.id,
    fund: fundName,
    kind: 'CASH',
    purpose: 'FOOD',
    amountRial: amountRial.toString(),
    ...extra,
  });
  const requestsOf = (distributionId: string) => db.approvalRequest.findMany({ where: { targetId: distributionId }, orderBy: { requestedAt: 'asc' } });
  const stateOf = async (distributionId: string) => (await db.distribution.findUniqueOrThrow({ where: { id: distributionId } })).state;
  const audits = async (distributionId: string) => (await db.auditLog.findMany({ where: { entityId: distributionId }, orderBy: { at: 'asc' } })).map((l) => l.action);

  beforeAll(async () => {
    db = database.db;
    ctx = fundsCtx(db, { distributionApprovalAboveRial: LIMIT });
    w = await centerWorld(db);
    household = await createBeneficiary(db, { centerId: (await createCenter(db, { countyId: w.county.id })).id });
  });

  it("recorded by the board, it waits for the county staff; their approval spends the fund and the board hears of it", async () => {
    const chat = await giveChat(db, w.viceChair.personId);
    await fund(db, w.center.id, 'SADAQA', 10_000_000n);
    const d = await createDistribution(ctx, w.viceChair, cash(3_000_000n, 'SADAQA'));
    expect(d.state).toBe('PENDING_APPROVAL');
    const [request, ...more] = await requestsOf(d.id);
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      kind: 'DISTRIBUTION_OUT_OF_AREA', state: 'PENDING', centerId: w.center.id, countyId: w.county.id, deciderStaffRole: 'COUNTY_STAFF', requestedById: w.viceChair.personId,
    });
    expect(await fundBalanceRial(db, w.center.id, 'SADAQA')).toBe(10_000_000n);
    const logged = await db.auditLog.findFirstOrThrow({ where: { entityId: d.id, action: 'distribution.create' } });
    expect(logged.after).toMatchObject({ outOfArea: true, householdCenterId: household.centerId });

    // Not the board's decision, nor another county's.
    const otherCounty = await staffActor(db, 'COUNTY_STAFF', { countyId: (await createCenter(db)).countyId });
    for (const actor of [w.chair, w.viceChair, otherCounty])
      await expect(decide(actor, { requestId: request!.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listPendingDecisions(ctx, fundsApprovalHandlers, w.chair)).toEqual([]);
    expect(await stateOf(d.id)).toBe('PENDING_APPROVAL');

    await decide(w.countyStaff, { requestId: request!.id, decision: 'APPROVE' });
    expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED', approvedById: w.countyStaff.personId });
    expect(await fundBalanceRial(db, w.center.id, 'SADAQA')).toBe(7_000_000n);
    expect(await audits(d.id)).toEqual(['distribution.create', 'distribution.approveOutOfArea']);
    expect(await db.auditLog.count({ where: { entityId: request!.id, action: 'approval.approve' } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { chatAccountId: chat.id, template: 'distribution.approved' } })).toBe(1);
    await expect(decide(w.countyStaff, { requestId: request!.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('rejected by the county staff, it is cancelled with the reason; nothing is spent', async () => {
    await fund(db, w.center.id, 'NAZR', 5_000_000n);
    const d = await createDistribution(ctx, w.chair, cash(2_000_000n, 'NAZR'));
    const [request] = await requestsOf(d.id);
    await decide(w.countyStaff, { requestId: request!.id, decision: 'REJECT', reason: 'این خانوار را مرکز خودش یاری می‌کند' });
    expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'CANCELLED', cancelReason: 'این خانوار را مرکز خودش یاری می‌کند' });
    expect(await fundBalanceRial(db, w.center.id, 'NAZR')).toBe(5_000_000n);
    expect(await audits(d.id)).toEqual(['distribution.create', 'distribution.reject']);
  });

  it('above the threshold: the county office first, then the chair; only the last approval spends the fund', async () => {
    const chat = await giveChat(db, w.chair.personId);
    await fund(db, w.center.id, 'HOUSING', 100_000_000n);
    const d = await createDistribution(ctx, w.viceChair, cash(LIMIT + 5_000_000n, 'HOUSING', { purpose: 'HOUSING' }));
    expect((await requestsOf(d.id)).map((r) => r.kind)).toEqual(['DISTRIBUTION_OUT_OF_AREA']);
    // The chair is not asked before Imdad's office has agreed.
    expect(await db.outboxMessage.count({ where: { chatAccountId: chat.id, template: 'distribution.approvalRequested' } })).toBe(0);
    expect(await listPendingDecisions(ctx, fundsApprovalHandlers, w.chair)).toEqual([]);

    await decide(w.countyStaff, { requestId: (await requestsOf(d.id))[0]!.id, decision: 'APPROVE' });
    expect(await stateOf(d.id)).toBe('PENDING_APPROVAL');
    const [, chairRequest] = await requestsOf(d.id);
    expect(chairRequest).toMatchObject({ kind: 'DISTRIBUTION', state: 'PENDING', deciderTrusteeRole: 'CHAIR', requestedById: w.viceChair.personId });
    expect(await db.outboxMessage.count({ where: { chatAccountId: chat.id, template: 'distribution.approvalRequested' } })).toBe(1);
    expect((await listPendingDecisions(ctx, fundsApprovalHandlers, w.chair)).map((p) => p.id)).toEqual([chairRequest!.id]);
    expect(await fundBalanceRial(db, w.center.id, 'HOUSING')).toBe(100_000_000n);

    await decide(w.chair, { requestId: chairRequest!.id, decision: 'APPROVE' });
    expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED', approvedById: w.chair.personId });
    expect(await fundBalanceRial(db, w.center.id, 'HOUSING')).toBe(100_000_000n - LIMIT - 5_000_000n);
    expect(await audits(d.id)).toEqual(['distribution.create', 'distribution.approveOutOfArea', 'distribution.approve']);
  });

  it("the county's approval re-checks the balance: money spent meanwhile leaves the request pending", async () => {
    await fund(db, w.center.id, 'KAFFARA', 4_000_000n);
    const d = await createDistribution(ctx, w.chair, cash(3_000_000n, 'KAFFARA'));
    await createDistribution(ctx, w.chair, { ...cash(2_000_000n, 'KAFFARA'), beneficiaryId: w.beneficiary.id });
    const [request] = await requestsOf(d.id);
    await expect(decide(w.countyStaff, { requestId: request!.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUND_BALANCE' });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: request!.id } })).state).toBe('PENDING');
    expect(await stateOf(d.id)).toBe('PENDING_APPROVAL');
  });

  it('a household of another county: the province office decides, not the paying county', async () => {
    const far = await createBeneficiary(db, { centerId: (await createCenter(db)).id });
    await fund(db, w.center.id, 'GENERAL', 5_000_000n);
    // The paying county's own staff record it too, and it waits for the province like the board's.
    const d = await createDistribution(ctx, w.countyStaff, cash(1_000_000n, 'GENERAL', { beneficiaryId: far.id }));
    const [request] = await requestsOf(d.id);
    expect(request).toMatchObject({ kind: 'DISTRIBUTION_OUT_OF_AREA', deciderStaffRole: 'PROVINCE_ADMIN' });
    await expect(decide(w.countyStaff, { requestId: request!.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await decide(await staffActor(db, 'PROVINCE_ADMIN'), { requestId: request!.id, decision: 'APPROVE' });
    expect(await stateOf(d.id)).toBe('APPROVED');
  });

  it('the board names the household by the reference code the office gave it, typed any way; a wrong code is refused, nothing written', async () => {
    await fund(db, w.center.id, 'SADAQA', 1_000_000n);
    const typed = persianDigits(household.referenceCode.toLowerCase()).replace(/-/g, ' - ');
    const d = await createDistribution(ctx, w.chair, { ...cash(500_000n, 'SADAQA'), beneficiaryId: undefined, householdReferenceCode: typed });
    expect(d).toMatchObject({ beneficiaryId: household.id, state: 'PENDING_APPROVAL' });
    const count = await db.distribution.count();
    await expect(createDistribution(ctx, w.chair, { ...cash(500_000n, 'SADAQA'), beneficiaryId: undefined, householdReferenceCode: 'B-XXX-000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { field: 'householdReferenceCode' },
    });
    await expect(createDistribution(ctx, w.chair, { ...cash(500_000n, 'SADAQA'), beneficiaryId: undefined })).rejects.toMatchObject({
      code: 'REQUIRED',
      params: { field: 'beneficiaryId' },
    });
    expect(await db.distribution.count()).toBe(count);
  });
});
