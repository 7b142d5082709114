/**
 * Funds and aid through the panel's own HTTP routes: recording a distribution (amounts typed
 * in Toman, in any digits) and marking it handed over, each for a role the policy allows
 * (state, fund balance and audit row prove core ran) and one it does not (refused in words,
 * nothing written), also aid answering a household's need from the need's page; the plain new, edit and delete of a distribution stay closed; the center's
 * page and the dashboard show the funds' balances in Toman only to those who may read them;
 * and a large distribution recorded in the panel reaches the chair's pending decisions (what
 * the bot shows the chair).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../admin/dashboard/dashboard-data.ts';
import { createCore } from '../../core/index.ts';
import { fundBalanceRial, fundBalances } from '../../core/funds/fund-balance.ts';
import { createBeneficiary, createDistribution, createDonation, createNeed } from '../../fixtures/factories.ts';
import { trusteeActor } from '../../fixtures/actors.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();
beforeAll(async () => {
  await createDonation(panel.database.db, { centerId: panel.world.centers.home.id, fund: 'SADAQA', state: 'CONFIRMED', amountRial: 900_000_000n });
});

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const db = () => panel.database.db;
const home = () => panel.world.centers.home.id;
const balance = () => fundBalanceRial(db(), home(), 'SADAQA');
const auditCount = (action: string) => db().auditLog.count({ where: { action } });

async function household(centerId = home()) {
  return createBeneficiary(db(), { centerId });
}

describe('recording a distribution', () => {
  it.each(['CHAIR', 'COUNTY_STAFF'] as const)('%s records cash typed in Persian digits (Toman): approved, the fund falls by it, audited', async (role) => {
    const h = await household();
    const before = await balance();
    const audits = await auditCount('distribution.create');
    const form = await as(role).get('Distribution/actions/recordDistribution');
    expect(Object.keys((form.body.data?.form as { schema: { properties: object } }).schema.properties)).toEqual(
      expect.arrayContaining(['centerId', 'beneficiaryId', 'fund', 'kind', 'purpose', 'amountToman']),
    );
    const r = await as(role).post('Distribution/actions/recordDistribution', {
      centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountToman: '۲۵۰٬۰۰۰',
    });
    expect(r.body.notice, JSON.stringify(r.body.notice)).toMatchObject({ type: 'success', message: 'توزیع کمک ثبت شد.' });
    const d = await db().distribution.findFirstOrThrow({ where: { beneficiaryId: h.id } });
    expect(d).toMatchObject({ state: 'APPROVED', amountRial: 2_500_000n, fund: 'SADAQA' });
    expect(await balance()).toBe(before - 2_500_000n);
    expect(await auditCount('distribution.create')).toBe(audits + 1);
  });

  it.each(['FINANCE', 'SOCIAL_WORK', 'AUDITOR'] as const)('%s is refused and nothing is written', async (role) => {
    const h = await household();
    const before = await balance();
    const audits = await auditCount('distribution.create');
    const r = await as(role).post('Distribution/actions/recordDistribution', {
      centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountToman: '100000',
    });
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await db().distribution.count({ where: { beneficiaryId: h.id } })).toBe(0);
    expect(await balance()).toBe(before);
    expect(await auditCount('distribution.create')).toBe(audits);
  });

  it("core's refusal comes back in words under the field: more than the fund holds", async () => {
    const h = await household();
    const r = await as('CHAIR').post('Distribution/actions/recordDistribution', {
      centerId: home(), beneficiaryId: h.id, fund: 'ZAKAT', kind: 'CASH', purpose: 'FOOD', amountToman: '1000',
    });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'موجودی این صندوق برای این پرداخت کافی نیست.' });
    expect(r.body.data?.error).toMatchObject({ code: 'INSUFFICIENT_FUND_BALANCE' });
    const noAmount = await as('CHAIR').post('Distribution/actions/recordDistribution', { centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD' });
    expect(noAmount.body.data?.error).toMatchObject({ code: 'REQUIRED', field: 'amountToman' });
    expect(await db().distribution.count({ where: { beneficiaryId: h.id } })).toBe(0);
  });

  it("a household of another center's area (rule 8): county staff record it as written; the chair's waits for them", async () => {
    const h = await household(panel.world.centers.sibling.id);
    const byCounty = await as('COUNTY_STAFF').post('Distribution/actions/recordDistribution', {
      centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountToman: '1000',
    });
    expect(byCounty.body.notice).toMatchObject({ type: 'success', message: 'توزیع کمک ثبت شد.' });
    expect(await db().distribution.findFirstOrThrow({ where: { beneficiaryId: h.id } })).toMatchObject({ state: 'APPROVED', centerId: home() });

    // The chair cannot pick the household (not the board's to read): it types the code the office gave.
    const form = await as('CHAIR').get('Distribution/actions/recordDistribution');
    const ui = (form.body.data?.form as { ui: Record<string, { label: string; options?: { value: string }[] }> }).ui;
    expect(ui.beneficiaryId!.options!.map((o) => o.value)).not.toContain(h.id);
    expect(ui.householdReferenceCode!.label).toBe('کد پروندهٔ خانوار مرکز دیگر');
    const byChair = await as('CHAIR').post('Distribution/actions/recordDistribution', {
      centerId: home(), householdReferenceCode: h.referenceCode, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountToman: '2000',
    });
    expect(byChair.body.notice).toMatchObject({ type: 'success', message: 'توزیع کمک ثبت شد و در انتظار تأیید است.' });
    const waiting = await db().distribution.findFirstOrThrow({ where: { beneficiaryId: h.id, state: 'PENDING_APPROVAL' } });
    expect(await db().approvalRequest.findFirstOrThrow({ where: { targetId: waiting.id } })).toMatchObject({ kind: 'DISTRIBUTION_OUT_OF_AREA', state: 'PENDING' });
    // The board reads the aid it recorded by the household's code, not the household's record.
    const shown = await as('CHAIR').get(`Distribution/records/${waiting.id}/show`);
    expect(shown.body.record?.params).toMatchObject({ householdCode: h.referenceCode, state: 'PENDING_APPROVAL' });
    expect(JSON.stringify(shown.body)).not.toContain(h.headName);
  });

  it("above the threshold it waits for the chair, and the chair's pending decisions (the bot's list) show it", async () => {
    const h = await household();
    const chat = await db().chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `chair-${h.id}`, personId: panel.world.logins.CHAIR.user.personId! } });
    const r = await as('COUNTY_STAFF').post('Distribution/actions/recordDistribution', {
      centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', purpose: 'HOUSING', amountToman: '6000000',
    });
    expect(r.body.notice?.type).toBe('success');
    const d = await db().distribution.findFirstOrThrow({ where: { beneficiaryId: h.id } });
    expect(d.state).toBe('PENDING_APPROVAL');
    expect(await db().outboxMessage.count({ where: { chatAccountId: chat.id, template: 'distribution.approvalRequested' } })).toBe(1);
    const core = createCore({ db: db() });
    const chair = await trusteeActor(db(), home(), 'CHAIR');
    const pending = await core.approvals.listPendingDecisions(chair, {});
    expect(pending.map((p) => p.type === 'request' && p.distribution?.distributionId)).toContain(d.id);
  });
});

describe("deciding a board's aid to a household of another center's area (rule 8)", () => {
  async function waiting() {
    const h = await household(panel.world.centers.sibling.id);
    const core = createCore({ db: db() });
    const d = await core.funds.recordDistribution(await trusteeActor(db(), home(), 'CHAIR'), {
      centerId: home(), householdReferenceCode: h.referenceCode, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountToman: '3000',
    });
    const request = await db().approvalRequest.findFirstOrThrow({ where: { targetId: d.id, kind: 'DISTRIBUTION_OUT_OF_AREA' } });
    return { d, request };
  }
  const decisions = (requestId: string, distributionId: string) =>
    db().auditLog.count({ where: { OR: [{ entityId: requestId, action: { startsWith: 'approval.' } }, { entityId: distributionId, action: { not: 'distribution.create' } }] } });

  it('the county staff approve it where approvals are decided: the aid proceeds, the fund falls, audited', async () => {
    const { d, request } = await waiting();
    const before = await balance();
    const shown = await as('COUNTY_STAFF').get(`ApprovalRequest/records/${request.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toEqual(expect.arrayContaining(['approve', 'reject']));
    expect(String(shown.body.record?.params?.summary)).toContain('B-');
    const r = await as('COUNTY_STAFF').post(`ApprovalRequest/records/${request.id}/approve`);
    expect(r.body.notice?.type, JSON.stringify(r.body.notice)).toBe('success');
    expect(await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED' });
    expect(await balance()).toBe(before - 30_000n);
    expect(await db().auditLog.count({ where: { entityId: d.id, action: 'distribution.approveOutOfArea' } })).toBe(1);
    expect(await db().auditLog.count({ where: { entityId: request.id, action: 'approval.approve' } })).toBe(1);
  });

  it('the county staff reject it with a reason: cancelled, nothing spent', async () => {
    const { d, request } = await waiting();
    const before = await balance();
    const r = await as('COUNTY_STAFF').post(`ApprovalRequest/records/${request.id}/reject`, { reason: 'مرکز خود خانوار یاری می‌کند' });
    expect(r.body.notice?.type).toBe('success');
    expect(await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'CANCELLED', cancelReason: 'مرکز خود خانوار یاری می‌کند' });
    expect(await balance()).toBe(before);
  });

  it.each(['CHAIR', 'FINANCE', 'AUDITOR'] as const)('%s is offered no decision and is refused in words; nothing written', async (role) => {
    const { d, request } = await waiting();
    const shown = await as(role).get(`ApprovalRequest/records/${request.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('approve');
    for (const [action, payload] of [['approve', {}], ['reject', { reason: 'نه' }]] as const) {
      const r = await as(role).post(`ApprovalRequest/records/${request.id}/${action}`, payload);
      expect(refused(r), `${role} ${action}`).toBe(true);
      expect(r.body.notice?.message ?? '', `${role} ${action}`).toMatch(/^[\u0600-\u06FF\u200C\s،«»؛.]+$/);
    }
    expect((await db().approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('PENDING');
    expect((await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).state).toBe('PENDING_APPROVAL');
    expect(await decisions(request.id, d.id)).toBe(0);
  });
});

describe('marking a distribution handed over', () => {
  it('the chair marks approved aid distributed: dated, audited; then no button', async () => {
    const h = await household();
    const d = await createDistribution(db(), { centerId: home(), beneficiaryId: h.id, state: 'APPROVED' });
    const shown = await as('CHAIR').get(`Distribution/records/${d.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain('markDistributed');
    const r = await as('CHAIR').post(`Distribution/records/${d.id}/markDistributed`, { note: 'تحویل در مسجد' });
    expect(r.body.notice).toMatchObject({ type: 'success', message: 'تحویل کمک به خانوار ثبت شد.' });
    expect(await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'DISTRIBUTED', distributedAt: expect.any(Date) });
    expect(await db().auditLog.count({ where: { action: 'distribution.markDistributed', entityId: d.id } })).toBe(1);
    expect((await as('CHAIR').get(`Distribution/records/${d.id}/show`)).body.record?.recordActions?.map((a) => a.name)).not.toContain('markDistributed');
  });

  it('the finance officer reads it but gets no button and is refused; nothing changes', async () => {
    const h = await household();
    const d = await createDistribution(db(), { centerId: home(), beneficiaryId: h.id, state: 'APPROVED' });
    const shown = await as('FINANCE').get(`Distribution/records/${d.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('markDistributed');
    const r = await as('FINANCE').post(`Distribution/records/${d.id}/markDistributed`, {});
    expect(refused(r)).toBe(true);
    expect(await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED', distributedAt: null });
    expect(await db().auditLog.count({ where: { action: 'distribution.markDistributed', entityId: d.id } })).toBe(0);
  });

  it('a plain new, edit or delete of a distribution is refused for every role', async () => {
    const h = await household();
    const d = await createDistribution(db(), { centerId: home(), beneficiaryId: h.id, state: 'APPROVED' });
    for (const role of ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'] as const) {
      expect(refused(await as(role).post('Distribution/actions/new', { centerId: home(), beneficiaryId: h.id, fund: 'SADAQA', kind: 'CASH', amountRial: '1' }))).toBe(true);
      expect(refused(await as(role).post(`Distribution/records/${d.id}/edit`, { state: 'DISTRIBUTED' }))).toBe(true);
      expect(refused(await as(role).post(`Distribution/records/${d.id}/delete`))).toBe(true);
    }
    expect(await db().distribution.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: 'APPROVED' });
    expect(await db().distribution.count({ where: { beneficiaryId: h.id } })).toBe(1);
  });
});

describe("answering a need with aid, from the need's page", () => {
  const aidFor = (needId: string) => `BeneficiaryNeed/records/${needId}/answerNeed`;

  it.each(['CHAIR', 'COUNTY_STAFF'] as const)('%s answers a need: the aid names the need, its household and center (not what was posted); handed over, the need is met', async (role) => {
    const h = await household();
    const need = await createNeed(db(), { beneficiaryId: h.id, category: 'FOOD' });
    const other = await household(panel.world.centers.sibling.id);
    const before = await balance();
    const shown = await as(role).get(`BeneficiaryNeed/records/${need.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain('answerNeed');
    const form = (await as(role).get(aidFor(need.id))).body.data?.form as { schema: { properties: object } };
    expect(Object.keys(form.schema.properties)).toEqual(expect.arrayContaining(['fund', 'kind', 'amountToman']));
    expect(Object.keys(form.schema.properties)).not.toEqual(expect.arrayContaining(['beneficiaryId']));

    const r = await as(role).post(aidFor(need.id), { fund: 'SADAQA', kind: 'CASH', amountToman: '۱۲۰٬۰۰۰', beneficiaryId: other.id, centerId: panel.world.centers.sibling.id });
    expect(r.body.notice).toMatchObject({ type: 'success', message: 'کمک برای این نیاز ثبت شد.' });
    const d = await db().distribution.findFirstOrThrow({ where: { needId: need.id } });
    expect(d).toMatchObject({ beneficiaryId: h.id, centerId: home(), state: 'APPROVED', amountRial: 1_200_000n, fund: 'SADAQA' });
    expect(await db().distribution.count({ where: { beneficiaryId: other.id } })).toBe(0);
    expect(await balance()).toBe(before - 1_200_000n);
    expect(await db().auditLog.count({ where: { action: 'distribution.create', entityId: d.id } })).toBe(1);

    const handed = await as(role).post(`Distribution/records/${d.id}/markDistributed`, { needMet: 'true' });
    expect(handed.body.notice?.type).toBe('success');
    expect(await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ state: 'MET', metAt: expect.any(Date) });
  });

  it('the finance officer gets no button and is refused; nothing is written', async () => {
    const h = await household();
    const need = await createNeed(db(), { beneficiaryId: h.id });
    const before = await balance();
    const shown = await as('FINANCE').get(`BeneficiaryNeed/records/${need.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('answerNeed');
    const r = await as('FINANCE').post(aidFor(need.id), { fund: 'SADAQA', kind: 'CASH', amountToman: '100000' });
    expect(refused(r)).toBe(true);
    expect(await db().distribution.count({ where: { needId: need.id } })).toBe(0);
    expect(await balance()).toBe(before);
  });

  it("county staff cannot reach a need of another county's center; nothing is written", async () => {
    const needId = panel.world.records.BeneficiaryNeed.elsewhere!;
    const r = await as('COUNTY_STAFF').post(aidFor(needId), { fund: 'SADAQA', kind: 'CASH', amountToman: '100000' });
    expect(refused(r)).toBe(true);
    expect(await db().distribution.count({ where: { needId } })).toBe(0);
  });

  it("a fund that may not pay for the need's use is refused in words; nothing is written", async () => {
    const h = await household();
    const need = await createNeed(db(), { beneficiaryId: h.id, category: 'FOOD' });
    const audits = await auditCount('distribution.create');
    const r = await as('CHAIR').post(aidFor(need.id), { fund: 'ORPHANS', kind: 'CASH', amountToman: '100000' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این صندوق را نمی‌توان برای این نوع مصرف خرج کرد.' });
    expect(await db().distribution.count({ where: { needId: need.id } })).toBe(0);
    expect(await auditCount('distribution.create')).toBe(audits);
  });

  it('a need already met offers no aid', async () => {
    const h = await household();
    const need = await createNeed(db(), { beneficiaryId: h.id, state: 'MET', metAt: new Date() });
    const shown = await as('CHAIR').get(`BeneficiaryNeed/records/${need.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain('answerNeed');
    expect((await as('CHAIR').post(aidFor(need.id), { fund: 'SADAQA', kind: 'CASH', amountToman: '100000' })).body.notice?.type).toBe('error');
    expect(await db().distribution.count({ where: { needId: need.id } })).toBe(0);
  });
});

describe('balances', () => {
  it("the center's page shows each fund's balance in Toman to the chair and staff, not to the social-work officer", async () => {
    const expected = `صدقه: ${new Intl.NumberFormat('fa-IR').format(Number((await balance()) / 10n))} تومان`;
    for (const role of ['CHAIR', 'FINANCE', 'COUNTY_STAFF'] as const) {
      const shown = await as(role).get(`Center/records/${home()}/show`);
      expect(String(shown.body.record?.params?.fundBalances), role).toContain(expected);
    }
    const hidden = await as('SOCIAL_WORK').get(`Center/records/${home()}/show`);
    expect(hidden.body.record?.params?.fundBalances).toBeUndefined();
  });

  it('the dashboard shows the balances by fund (and by center for staff); not to the social-work officer', async () => {
    const dashboard = async (role: RoleKey) =>
      (await panel.app.inject({ method: 'GET', url: '/admin/api/dashboard', headers: { cookie: panel.world.logins[role].cookie } })).json<DashboardData>();
    const rial = (await balance()).toString();
    expect((await dashboard('CHAIR')).fundBalances?.byFund).toContainEqual({ fund: 'SADAQA', rial });
    // By center: every fund of the center together, as the books have it.
    const total = (await fundBalances(db(), home())).reduce((sum, f) => sum + f.balanceRial, 0n).toString();
    const county = await dashboard('COUNTY_STAFF');
    expect(county.fundBalances?.byCenter).toContainEqual({ name: panel.world.centers.home.name, rial: total });
    expect((await dashboard('SOCIAL_WORK')).fundBalances).toBeUndefined();
  });
});
