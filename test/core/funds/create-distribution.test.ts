import { beforeAll, describe, expect, it } from 'vitest';
import { decideApproval, type DecideApprovalInput } from '../../../core/approvals/decide-approval.ts';
import type { Ctx } from '../../../core/context.ts';
import { createDistribution, type CreateDistributionInput } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { fundsApprovalHandlers } from '../../../core/funds/index.ts';
import type { Db } from '../../../prisma/client.ts';
import { createBeneficiary, createCenter, createNeed, createTrustee } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { centerWorld, fund, fundsCtx, giveChat } from '../../helpers/beneficiaries.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const LIMIT = 50_000_000n;

describe('createDistribution', () => {
  const database = useTestDatabase();
  let db: Db;
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof centerWorld>>;
  const cash = (amountRial: bigint, extra: Partial<CreateDistributionInput> = {}): CreateDistributionInput => ({
    centerId: w.center.id,
    beneficiaryId: w.beneficiary.id,
    fund: 'GENERAL',
    kind: 'CASH',
    purpose: 'FOOD',
    amountRial: amountRial.toString(),
    ...extra,
  });
  const decide = (actor: Parameters<typeof decideApproval>[2], input: DecideApprovalInput) => decideApproval(ctx, fundsApprovalHandlers, actor, input);

  beforeAll(async () => {
    db = database.db;
    ctx = fundsCtx(db, { distributionApprovalAboveRial: LIMIT });
    w = await centerWorld(db);
  });

  it('below the threshold is approved at once, spends the fund and writes its audit row', async () => {
    await fund(db, w.center.id, 'GENERAL', 10_000_000n);
    const before = await fundBalanceRial(db, w.center.id, 'GENERAL');
    const d = await createDistribution(ctx, w.viceChair, cash(4_000_000n));
    expect(d).toMatchObject({ state: 'APPROVED', amountRial: 4_000_000n, approvedById: w.viceChair.personId });
    expect(d.approvedAt).toEqual(new Date('2026-11-26T08:00:00Z'));
    expect(await fundBalanceRial(db, w.center.id, 'GENERAL')).toBe(before - 4_000_000n);
    const log = await db.auditLog.findMany({ where: { entity: 'Distribution', entityId: d.id } });
    expect(log.map((l) => l.action)).toEqual(['distribution.create']);
  });

  it('never spends more than the balance; nothing is written when refused', async () => {
    const balance = await fundBalanceRial(db, w.center.id, 'GENERAL');
    const count = await db.distribution.count();
    await expect(createDistribution(ctx, w.viceChair, cash(balance + 1n))).rejects.toMatchObject({ code: 'INSUFFICIENT_FUND_BALANCE' });
    expect(await db.distribution.count()).toBe(count);
    expect(await fundBalanceRial(db, w.center.id, 'GENERAL')).toBe(balance);
  });

  it('10 parallel distributions against a balance covering 3 spend exactly 3', async () => {
    await fund(db, w.center.id, 'SADAQA', 3_500_000n);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createDistribution(ctx, w.viceChair, cash(1_000_000n, { fund: 'SADAQA' }))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(3);
    expect(refused.map((r) => r.reason.code)).toEqual(Array(7).fill('INSUFFICIENT_FUND_BALANCE'));
    expect(await fundBalanceRial(db, w.center.id, 'SADAQA')).toBe(500_000n);
  });

  it('a restricted fund goes only to its uses', async () => {
    await fund(db, w.center.id, 'KAFFARA', 10_000_000n);
    await expect(createDistribution(ctx, w.viceChair, cash(1_000_000n, { fund: 'KAFFARA', purpose: 'HOUSING' }))).rejects.toMatchObject({
      code: 'FUND_USE_NOT_ALLOWED',
    });
    // The use is the recorded need's category when one is given.
    const rent = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'HOUSING' });
    await expect(
      createDistribution(ctx, w.viceChair, cash(1_000_000n, { fund: 'KAFFARA', purpose: undefined, needId: rent.id })),
    ).rejects.toMatchObject({ code: 'FUND_USE_NOT_ALLOWED' });
    await expect(createDistribution(ctx, w.viceChair, cash(1_000_000n, { fund: 'KAFFARA', purpose: 'FOOD', needId: rent.id }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const food = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'FOOD' });
    const ok = await createDistribution(ctx, w.viceChair, cash(1_000_000n, { fund: 'KAFFARA', purpose: undefined, needId: food.id }));
    expect(ok).toMatchObject({ state: 'APPROVED', needId: food.id, fund: 'KAFFARA' });
    // Goods from the loan fund: refused whatever the use.
    await expect(
      createDistribution(ctx, w.viceChair, {
        centerId: w.center.id, beneficiaryId: w.beneficiary.id, fund: 'QARD_AL_HASAN', kind: 'IN_KIND', purpose: 'DEBT_LOAN', itemDescription: 'یخچال',
      }),
    ).rejects.toMatchObject({ code: 'FUND_USE_NOT_ALLOWED' });
  });

  it('in-kind and service aid need their description, not the fund balance', async () => {
    await expect(createDistribution(ctx, w.viceChair, { ...cash(1n), kind: 'IN_KIND', amountRial: undefined })).rejects.toMatchObject({
      code: 'REQUIRED',
      params: { field: 'itemDescription' },
    });
    const d = await createDistribution(ctx, w.viceChair, {
      centerId: w.center.id, beneficiaryId: w.beneficiary.id, fund: 'DOWRY', kind: 'IN_KIND', purpose: 'DOWRY_MARRIAGE',
      itemDescription: 'یخچال', quantity: '۱', estimatedValueRial: '۲۰۰۰۰۰۰۰',
    });
    expect(d).toMatchObject({ state: 'APPROVED', kind: 'IN_KIND', quantity: 1, estimatedValueRial: 20_000_000n, amountRial: null });
  });

  it('is refused to other officers, another center, a suspended center and a closed household', async () => {
    await fund(db, w.center.id, 'GENERAL', 5_000_000n);
    const other = await createCenter(db);
    const otherViceChair = await trusteeActor(db, other.id, 'VICE_CHAIR');
    const otherStaff = await staffActor(db, 'COUNTY_STAFF', { countyId: other.countyId });
    for (const actor of [w.finance, w.donorsOfficer, w.socialWork, otherViceChair, otherStaff])
      await expect(createDistribution(ctx, actor, cash(1_000_000n))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const suspended = await createCenter(db, { licenseState: 'SUSPENDED' });
    const sb = await createBeneficiary(db, { centerId: suspended.id });
    const sChair = await trusteeActor(db, suspended.id, 'CHAIR');
    await expect(createDistribution(ctx, sChair, cash(1_000_000n, { centerId: suspended.id, beneficiaryId: sb.id }))).rejects.toMatchObject({
      code: 'CENTER_READ_ONLY',
    });
    const closed = await createBeneficiary(db, { centerId: w.center.id, state: 'CLOSED', closedAt: new Date() });
    await expect(createDistribution(ctx, w.viceChair, cash(1_000_000n, { beneficiaryId: closed.id }))).rejects.toMatchObject({
      code: 'BENEFICIARY_NOT_ACTIVE',
    });
    // County staff of the center's own county may distribute.
    expect(await createDistribution(ctx, w.countyStaff, cash(1_000_000n))).toMatchObject({ state: 'APPROVED' });
  });

  describe('above the threshold', () => {
    it('waits for the chair: PENDING with a DISTRIBUTION request, the chair notified, the fund not yet spent', async () => {
      const chat = await giveChat(db, w.chair.personId);
      await fund(db, w.center.id, 'ZAKAT', 200_000_000n);
      const d = await createDistribution(ctx, w.viceChair, cash(LIMIT + 1n, { fund: 'ZAKAT', purpose: 'HOUSING' }));
      expect(d.state).toBe('PENDING_APPROVAL');
      const request = await db.approvalRequest.findFirstOrThrow({ where: { targetEntity: 'Distribution', targetId: d.id } });
      expect(request).toMatchObject({ kind: 'DISTRIBUTION', state: 'PENDING', centerId: w.center.id, deciderTrusteeRole: 'CHAIR', requestedById: w.viceChair.personId });
      expect(await db.outboxMessage.count({ where: { chatAccountId: chat.id, template: 'distribution.approvalRequested' } })).toBe(1);
      expect(await fundBalanceRial(db, w.center.id, 'ZAKAT')).toBe(200_000_000n);
      // Exactly at the threshold: no approval needed.
      expect((await createDistribution(ctx, w.viceChair, cash(LIMIT, { fund: 'ZAKAT' }))).state).toBe('APPROVED');
    });

    it('only the chair of that center (or its Imdad staff) decides; approval spends the fund', async () => {
      await fund(db, w.center.id, 'HOUSING', 100_000_000n);
      const d = await createDistribution(ctx, w.viceChair, cash(60_000_000n, { fund: 'HOUSING', purpose: 'HOUSING' }));
      const request = await db.approvalRequest.findFirstOrThrow({ where: { targetId: d.id } });
      const other = await createCenter(db);
      const otherChair = await trusteeActor(db, other.id, 'CHAIR');
      for (const actor of [otherChair, w.viceChair, w.finance])
        await expect(decide(actor, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).state).toBe('PENDING_APPROVAL');

      await decide(w.chair, { requestId: request.id, decision: 'APPROVE' });
      expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED', approvedById: w.chair.personId });
      expect(await fundBalanceRial(db, w.center.id, 'HOUSING')).toBe(40_000_000n);
      const actions = (await db.auditLog.findMany({ where: { entityId: { in: [d.id, request.id] } }, orderBy: { at: 'asc' } })).map((l) => l.action);
      expect(actions).toEqual(expect.arrayContaining(['distribution.create', 'distribution.approve', 'approval.approve']));
      await expect(decide(w.chair, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });

    it('the chair who recorded it may not approve it: a second person does (its Imdad staff); the chair may still withdraw it', async () => {
      await fund(db, w.center.id, 'GENERAL', 200_000_000n);
      const own = await createDistribution(ctx, w.chair, cash(LIMIT + 1n));
      const request = await db.approvalRequest.findFirstOrThrow({ where: { targetId: own.id } });
      expect(request.requestedById).toBe(w.chair.personId);
      await expect(decide(w.chair, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'OWN_REQUEST_APPROVAL' });
      expect((await db.distribution.findUniqueOrThrow({ where: { id: own.id } })).state).toBe('PENDING_APPROVAL');
      await decide(w.countyStaff, { requestId: request.id, decision: 'APPROVE' });
      expect(await db.distribution.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ state: 'APPROVED', approvedById: w.countyStaff.personId });

      const withdrawn = await createDistribution(ctx, w.chair, cash(LIMIT + 2n));
      const second = await db.approvalRequest.findFirstOrThrow({ where: { targetId: withdrawn.id } });
      await decide(w.chair, { requestId: second.id, decision: 'REJECT', reason: 'ثبت اشتباه' });
      expect((await db.distribution.findUniqueOrThrow({ where: { id: withdrawn.id } })).state).toBe('CANCELLED');
    });

    it('approval re-checks the balance: money spent meanwhile leaves the request pending', async () => {
      await fund(db, w.center.id, 'HEALTH', 80_000_000n);
      const d = await createDistribution(ctx, w.viceChair, cash(70_000_000n, { fund: 'HEALTH', purpose: 'HEALTH' }));
      const request = await db.approvalRequest.findFirstOrThrow({ where: { targetId: d.id } });
      await createDistribution(ctx, w.viceChair, cash(20_000_000n, { fund: 'HEALTH', purpose: 'HEALTH' }));
      await expect(decide(w.chair, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'INSUFFICIENT_FUND_BALANCE' });
      expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('PENDING');
      expect(await fundBalanceRial(db, w.center.id, 'HEALTH')).toBe(60_000_000n);
    });

    it('a rejection cancels the distribution with the reason', async () => {
      await fund(db, w.center.id, 'EDUCATION', 80_000_000n);
      const d = await createDistribution(ctx, w.viceChair, cash(70_000_000n, { fund: 'EDUCATION', purpose: 'EDUCATION' }));
      const request = await db.approvalRequest.findFirstOrThrow({ where: { targetId: d.id } });
      await decide(w.chair, { requestId: request.id, decision: 'REJECT', reason: 'اولویت با نیاز دیگری است' });
      expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
        state: 'CANCELLED',
        cancelReason: 'اولویت با نیاز دیگری است',
      });
      expect(await fundBalanceRial(db, w.center.id, 'EDUCATION')).toBe(80_000_000n);
    });
  });

  describe('a household of another center (rule 8)', () => {
    // The board's own out-of-area aid waits for Imdad's office: test/core/funds/out-of-area-approval.test.ts.
    it("recorded by Imdad's office covering both centers, it is approved as written, with no request; other counties' staff are refused", async () => {
      const poorer = await createCenter(db, { countyId: w.county.id });
      const household = await createBeneficiary(db, { centerId: poorer.id });
      await fund(db, w.center.id, 'SADAQA', 10_000_000n);
      const before = await fundBalanceRial(db, w.center.id, 'SADAQA');

      // County staff of another county cover neither center.
      const otherCounty = await staffActor(db, 'COUNTY_STAFF', { countyId: (await createCenter(db)).countyId });
      await expect(createDistribution(ctx, otherCounty, cash(1_000_000n, { fund: 'SADAQA', beneficiaryId: household.id }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });

      const d = await createDistribution(ctx, w.countyStaff, cash(1_000_000n, { fund: 'SADAQA', beneficiaryId: household.id }));
      expect(d).toMatchObject({ state: 'APPROVED', centerId: w.center.id, beneficiaryId: household.id });
      expect(await db.approvalRequest.count({ where: { targetId: d.id } })).toBe(0);
      expect(await fundBalanceRial(db, w.center.id, 'SADAQA')).toBe(before - 1_000_000n);
      const log = await db.auditLog.findFirstOrThrow({ where: { entityId: d.id, action: 'distribution.create' } });
      expect(log.after).toMatchObject({ outOfArea: true, householdCenterId: poorer.id });
    });

    it('a household of another county: the province office records it as written', async () => {
      const farCenter = await createCenter(db);
      const household = await createBeneficiary(db, { centerId: farCenter.id });
      await fund(db, w.center.id, 'GENERAL', 5_000_000n);
      const provinceAdmin = await staffActor(db, 'PROVINCE_ADMIN');
      expect(await createDistribution(ctx, provinceAdmin, cash(1_000_000n, { beneficiaryId: household.id }))).toMatchObject({ state: 'APPROVED' });
    });
  });

  it('above the threshold, the vice-chair acting for an absent chair approves it and the fund falls by it', async () => {
    // A center whose chair seat is empty: its vice-chair decides in the chair's name.
    const center = await createCenter(db, { countyId: w.county.id });
    const vice = await createTrustee(db, { centerId: center.id, role: 'VICE_CHAIR' });
    const acting = { kind: 'trustee' as const, personId: vice.personId, membershipId: vice.id, centerId: center.id, role: 'VICE_CHAIR' as const, actsForChair: true };
    const household = await createBeneficiary(db, { centerId: center.id });
    await fund(db, center.id, 'ZAKAT', 120_000_000n);
    const d = await createDistribution(ctx, w.countyStaff, { ...cash(LIMIT + 10_000_000n, { fund: 'ZAKAT' }), centerId: center.id, beneficiaryId: household.id });
    expect(d.state).toBe('PENDING_APPROVAL');
    expect(await fundBalanceRial(db, center.id, 'ZAKAT')).toBe(120_000_000n);
    const request = await db.approvalRequest.findFirstOrThrow({ where: { targetId: d.id } });
    // Without acting for the chair, the vice-chair may not decide.
    await expect(decide({ ...acting, actsForChair: undefined }, { requestId: request.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await decide(acting, { requestId: request.id, decision: 'APPROVE' });
    expect(await db.distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED', approvedById: vice.personId });
    expect(await fundBalanceRial(db, center.id, 'ZAKAT')).toBe(120_000_000n - LIMIT - 10_000_000n);
  });
});
