/**
 * Households through the panel's own HTTP routes (POST, as the form sends it): registering
 * one typed in Persian digits, its needs, closing it or marking it self-sufficient, an
 * employment plan and its follow-up, a need routed to a network. Each runs for a role the
 * policy allows (state and audit row) and is refused for one it does not, with nothing
 * written; core's schema is the one rule for a household's fields.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationParams } from '../../core/outbox.ts';
import { renderNotification } from '../../messenger/notification-render.ts';
import { createBeneficiary, createNeed, createNetwork, createNetworkMembership, createVolunteer, uniqueMobile, uniqueNationalId } from '../../fixtures/factories.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';
import { persianDigits } from '../../messenger/digits.ts';
import { toAsciiDigits } from '../../core/input/normalize.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const db = () => panel.database.db;
const auditsOf = (entityId: string) => db().auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));
const buttons = async (role: RoleKey, url: string) => (await as(role).get(url)).body.record?.recordActions?.map((a) => a.name) ?? [];
const household = (centerId = panel.world.centers.home.id) => createBeneficiary(db(), { centerId });

describe('registerBeneficiary', () => {
  const typed = (headName: string, extra: Record<string, string> = {}) => ({
    centerId: panel.world.centers.home.id,
    headName,
    headNationalId: persianDigits(uniqueNationalId()),
    phone: persianDigits(`0912 ${uniqueMobile().slice(4, 7)} ${uniqueMobile().slice(7)}`),
    membersCount: '۵',
    address: 'کوچهٔ شهید ۱۲',
    consentGiven: 'true',
    ...extra,
  });

  it.each(['SOCIAL_WORK', 'COUNTY_STAFF'] as const)('%s registers a household typed in Persian digits; stored as digits, with its consent; audited', async (role) => {
    const form = await as(role).get('Beneficiary/actions/registerBeneficiary');
    expect(Object.keys((form.body.data?.form as { schema: { properties: object } }).schema.properties)).toEqual(expect.arrayContaining(['headName', 'membersCount', 'consentGiven']));
    const input = typed(`خانوار ${role}`);
    const r = await as(role).post('Beneficiary/actions/registerBeneficiary', input);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const b = await db().beneficiary.findFirstOrThrow({ where: { headName: `خانوار ${role}` } });
    expect(b).toMatchObject({
      centerId: panel.world.centers.home.id,
      membersCount: 5,
      headNationalId: toAsciiDigits(input.headNationalId),
      phone: toAsciiDigits(input.phone).replace(/ /g, ''),
      // Core keeps text in Latin digits, as every other text it stores.
      address: 'کوچهٔ شهید 12',
      consentGiven: true,
      state: 'ACTIVE',
    });
    expect(b.consentAt).not.toBeNull();
    expect(await auditsOf(b.id)).toEqual(['beneficiary.register']);
  });

  it("core's rules, not the old edit's: 51 members, a bad mobile and no consent are refused in words; 50 members is fine", async () => {
    const social = as('SOCIAL_WORK');
    const tooMany = await social.post('Beneficiary/actions/registerBeneficiary', typed('خانوار پرجمعیت', { membersCount: '۵۱' }));
    expect(tooMany.body.notice?.type).toBe('error');
    expect(tooMany.body.data?.error).toMatchObject({ field: 'membersCount' });
    const badMobile = await social.post('Beneficiary/actions/registerBeneficiary', typed('خانوار تلفن بد', { phone: '۰۲۱۱۲۳۴۵۶۷۸' }));
    expect(badMobile.body.data?.error).toMatchObject({ code: 'INVALID_MOBILE', field: 'phone' });
    expect(badMobile.body.notice?.message).not.toMatch(/[A-Za-z]/);
    const { consentGiven: _, ...withoutConsent } = typed('خانوار بی‌رضایت');
    const noConsent = await social.post('Beneficiary/actions/registerBeneficiary', withoutConsent);
    expect(noConsent.body.notice?.type).toBe('error');
    expect(await db().beneficiary.count({ where: { headName: { in: ['خانوار پرجمعیت', 'خانوار تلفن بد', 'خانوار بی‌رضایت'] } } })).toBe(0);
    const fifty = await social.post('Beneficiary/actions/registerBeneficiary', typed('خانوار پنجاه‌نفره', { membersCount: '۵۰' }));
    expect(fifty.body.notice?.type, fifty.body.notice?.message).toBe('success');
  });

  it('the finance officer and the auditor are refused; county staff not in another county; nothing written', async () => {
    for (const role of ['FINANCE', 'AUDITOR'] as const) expect(refused(await as(role).post('Beneficiary/actions/registerBeneficiary', typed(`رد ${role}`))), role).toBe(true);
    const other = await as('COUNTY_STAFF').post('Beneficiary/actions/registerBeneficiary', typed('رد بیرون', { centerId: panel.world.centers.elsewhere.id }));
    expect(other.body.notice).toMatchObject({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
    expect(await db().beneficiary.count({ where: { headName: { startsWith: 'رد ' } } })).toBe(0);
  });
});

describe('a household page', () => {
  it('recordNeed: the social-work officer records a need with category, priority and cost in Persian digits; audited', async () => {
    const b = await household();
    expect(await buttons('SOCIAL_WORK', `Beneficiary/records/${b.id}/show`)).toEqual(
      expect.arrayContaining(['recordNeed', 'createEmploymentPlan', 'markSelfSufficient', 'closeBeneficiary']),
    );
    const r = await as('SOCIAL_WORK').post(`Beneficiary/records/${b.id}/recordNeed`, { category: 'HEALTH', priority: 'URGENT', description: 'دارو', estimatedCostRial: '۲۵۰۰۰۰۰۰' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const need = await db().beneficiaryNeed.findFirstOrThrow({ where: { beneficiaryId: b.id } });
    expect(need).toMatchObject({ category: 'HEALTH', priority: 'URGENT', state: 'OPEN', estimatedCostRial: 25_000_000n });
    expect(r.body.data).toMatchObject({ done: true });
    expect(await auditsOf(need.id)).toEqual(['beneficiary.recordNeed']);
  });

  it('recordNeed: the finance officer gets no button and is refused; nothing written', async () => {
    const b = await household();
    expect(await buttons('FINANCE', `Beneficiary/records/${b.id}/show`)).not.toContain('recordNeed');
    expect(refused(await as('FINANCE').post(`Beneficiary/records/${b.id}/recordNeed`, { category: 'FOOD' }))).toBe(true);
    expect(await db().beneficiaryNeed.count({ where: { beneficiaryId: b.id } })).toBe(0);
  });

  it.each([
    ['closeBeneficiary', { reason: 'نقل مکان' }, 'CLOSED', 'beneficiary.close'],
    ['markSelfSufficient', {}, 'SELF_SUFFICIENT', 'beneficiary.markSelfSufficient'],
  ] as const)('%s: the chair ends the file, its open needs are cancelled; audited', async (action, payload, state, audit) => {
    const b = await household();
    const need = await createNeed(db(), { beneficiaryId: b.id });
    const r = await as('CHAIR').post(`Beneficiary/records/${b.id}/${action}`, payload);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect((await db().beneficiary.findUniqueOrThrow({ where: { id: b.id } })).state).toBe(state);
    expect((await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: need.id } })).state).toBe('CANCELLED');
    expect(await auditsOf(b.id)).toEqual([audit]);
    // Ended: no more buttons.
    expect(await buttons('CHAIR', `Beneficiary/records/${b.id}/show`)).not.toContain(action);
  });

  it.each([
    ['closeBeneficiary', { reason: 'نقل مکان' }],
    ['markSelfSufficient', {}],
  ] as const)('%s: the auditor and the finance officer are refused; nothing written', async (action, payload) => {
    const b = await household();
    for (const role of ['AUDITOR', 'FINANCE'] as const) {
      expect(await buttons(role, `Beneficiary/records/${b.id}/show`), role).not.toContain(action);
      expect(refused(await as(role).post(`Beneficiary/records/${b.id}/${action}`, payload)), role).toBe(true);
    }
    expect((await db().beneficiary.findUniqueOrThrow({ where: { id: b.id } })).state).toBe('ACTIVE');
    expect(await auditsOf(b.id)).toEqual([]);
  });

  it('closing without a reason is core\'s sentence; nothing written', async () => {
    const b = await household();
    const r = await as('CHAIR').post(`Beneficiary/records/${b.id}/closeBeneficiary`, {});
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این مورد را باید وارد کنید.' });
    expect((await db().beneficiary.findUniqueOrThrow({ where: { id: b.id } })).state).toBe('ACTIVE');
  });
});

describe('employment plans', () => {
  it('the social-work officer starts a plan with a mentor of the center; a follow-up ends it when the head is employed; both audited', async () => {
    const b = await household();
    const mentor = await createVolunteer(db(), { centerId: panel.world.centers.home.id });
    const form = await as('SOCIAL_WORK').get(`Beneficiary/records/${b.id}/createEmploymentPlan`);
    const options = (form.body.data?.form as { ui: Record<string, { options?: { value: string }[] }> }).ui.mentorVolunteerId?.options?.map((o) => o.value);
    expect(options).toContain(mentor.id);
    const r = await as('SOCIAL_WORK').post(`Beneficiary/records/${b.id}/createEmploymentPlan`, {
      kind: 'HOME_BUSINESS', title: 'خیاطی خانگی', capitalNeededRial: '۱۵۰۰۰۰۰۰۰', fundingFund: 'QARD_AL_HASAN', mentorVolunteerId: mentor.id, start: 'true',
    });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const plan = await db().employmentPlan.findFirstOrThrow({ where: { beneficiaryId: b.id } });
    expect(plan).toMatchObject({ state: 'ACTIVE', capitalNeededRial: 150_000_000n, mentorVolunteerId: mentor.id });
    expect(r.body.data).toMatchObject({ done: true });
    expect(await buttons('SOCIAL_WORK', `EmploymentPlan/records/${plan.id}/show`)).toContain('recordFollowUp');
    const f = await as('SOCIAL_WORK').post(`EmploymentPlan/records/${plan.id}/recordFollowUp`, { outcome: 'EMPLOYED', note: 'در کارگاه محله' });
    expect(f.body.notice?.type, f.body.notice?.message).toBe('success');
    expect((await db().employmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).state).toBe('COMPLETED');
    expect(await db().employmentFollowUp.count({ where: { planId: plan.id, outcome: 'EMPLOYED' } })).toBe(1);
    expect(await auditsOf(plan.id)).toEqual(['employment.createPlan', 'employment.recordFollowUp']);
  });

  it('a drafted plan is started by the social-work officer, then followed up; a started plan offers no start', async () => {
    const b = await household();
    const r = await as('SOCIAL_WORK').post(`Beneficiary/records/${b.id}/createEmploymentPlan`, { kind: 'TRAINING', title: 'دورهٔ قالی‌بافی' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const plan = await db().employmentPlan.findFirstOrThrow({ where: { beneficiaryId: b.id } });
    expect(plan.state).toBe('DRAFT');
    const draftButtons = await buttons('SOCIAL_WORK', `EmploymentPlan/records/${plan.id}/show`);
    expect(draftButtons).toContain('startEmploymentPlan');
    expect(draftButtons).not.toContain('recordFollowUp');
    const s = await as('SOCIAL_WORK').post(`EmploymentPlan/records/${plan.id}/startEmploymentPlan`, {});
    expect(s.body.notice).toMatchObject({ type: 'success', message: 'طرح اشتغال شروع شد و از این پس پیگیری می‌شود.' });
    const started = await db().employmentPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(started.state).toBe('ACTIVE');
    expect(started.startedAt).not.toBeNull();
    const activeButtons = await buttons('SOCIAL_WORK', `EmploymentPlan/records/${plan.id}/show`);
    expect(activeButtons).toContain('recordFollowUp');
    expect(activeButtons).not.toContain('startEmploymentPlan');
    const again = await as('SOCIAL_WORK').post(`EmploymentPlan/records/${plan.id}/startEmploymentPlan`, {});
    expect(again.body.notice?.type).toBe('error');
    expect(await auditsOf(plan.id)).toEqual(['employment.createPlan', 'employment.startPlan']);
  });

  it('the finance officer may not start a drafted plan; nothing written', async () => {
    const b = await household();
    const plan = await db().employmentPlan.create({ data: { centerId: b.centerId, beneficiaryId: b.id, kind: 'TRAINING', title: 'آموزش', state: 'DRAFT' } });
    expect(await buttons('FINANCE', `EmploymentPlan/records/${plan.id}/show`)).not.toContain('startEmploymentPlan');
    expect(refused(await as('FINANCE').post(`EmploymentPlan/records/${plan.id}/startEmploymentPlan`, {}))).toBe(true);
    expect((await db().employmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).state).toBe('DRAFT');
    expect(await auditsOf(plan.id)).toEqual([]);
  });

  it('the finance officer gets neither button and is refused; nothing written', async () => {
    const b = await household();
    expect(await buttons('FINANCE', `Beneficiary/records/${b.id}/show`)).not.toContain('createEmploymentPlan');
    expect(refused(await as('FINANCE').post(`Beneficiary/records/${b.id}/createEmploymentPlan`, { kind: 'TRAINING', title: 'آموزش' }))).toBe(true);
    expect(await db().employmentPlan.count({ where: { beneficiaryId: b.id } })).toBe(0);
    const plan = await db().employmentPlan.create({ data: { centerId: b.centerId, beneficiaryId: b.id, kind: 'TRAINING', title: 'آموزش', state: 'ACTIVE' } });
    expect(await buttons('FINANCE', `EmploymentPlan/records/${plan.id}/show`)).not.toContain('recordFollowUp');
    expect(refused(await as('FINANCE').post(`EmploymentPlan/records/${plan.id}/recordFollowUp`, { outcome: 'ON_TRACK' }))).toBe(true);
    expect(await db().employmentFollowUp.count({ where: { planId: plan.id } })).toBe(0);
    expect(await auditsOf(plan.id)).toEqual([]);
  });
});

describe('routing a need to a network', () => {
  async function networkWithMembers() {
    const centerId = panel.world.centers.home.id;
    const network = (await db().network.findFirst({ where: { centerId, kind: 'LEGAL_SERVICES' } })) ?? (await createNetwork(db(), { centerId, kind: 'LEGAL_SERVICES' }));
    const member = async (opts: { state?: 'ACTIVE' | 'INACTIVE'; isCoordinator?: boolean; left?: boolean; language?: string }) => {
      const v = await createVolunteer(db(), { centerId, state: opts.state ?? 'ACTIVE' });
      await createNetworkMembership(db(), { networkId: network.id, volunteerId: v.id, isCoordinator: opts.isCoordinator ?? false, ...(opts.left ? { leftAt: new Date() } : {}) });
      return db().chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `route-${v.id}`, chatId: `route-${v.id}`, personId: v.personId, language: opts.language ?? 'fa' } });
    };
    return {
      network,
      told: [await member({ isCoordinator: true }), await member({ language: 'en' })],
      notTold: [await member({ state: 'INACTIVE' }), await member({ left: true })],
    };
  }

  it("the social-work officer routes it; the network's active volunteers hear of it in the bot without the household's identity", async () => {
    const b = await createBeneficiary(db(), {
      centerId: panel.world.centers.home.id, headName: 'زهرا احمدی', headNationalId: uniqueNationalId(), phone: uniqueMobile(), address: 'خیابان امام رضا، کوچهٔ ۷', imdadCaseNo: 'IM-4455',
    });
    const need = await createNeed(db(), { beneficiaryId: b.id, category: 'LEGAL', priority: 'HIGH', description: 'پروندهٔ اجاره' });
    const { network, told, notTold } = await networkWithMembers();
    const form = await as('SOCIAL_WORK').get(`BeneficiaryNeed/records/${need.id}/routeNeedToNetwork`);
    const options = (form.body.data?.form as { ui: Record<string, { options?: { value: string }[] }> }).ui.networkId?.options?.map((o) => o.value);
    expect(options).toContain(network.id);
    expect(options).not.toContain(panel.world.records.Network.sibling);
    const r = await as('SOCIAL_WORK').post(`BeneficiaryNeed/records/${need.id}/routeNeedToNetwork`, { networkId: network.id });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ state: 'IN_PROGRESS', routedNetworkId: network.id });
    expect(await auditsOf(need.id)).toEqual(['beneficiary.routeNeed']);

    const identity = [b.headName, 'زهرا', 'احمدی', b.headNationalId!, b.phone!, b.address!, 'IM-4455'];
    const texts: string[] = [];
    for (const chat of told) {
      const [msg, ...more] = await db().outboxMessage.findMany({ where: { chatAccountId: chat.id } });
      expect(more).toEqual([]);
      const stored = JSON.stringify(msg!.params);
      for (const s of identity) expect(stored).not.toContain(s);
      texts.push(renderNotification(msg!.template, msg!.params as NotificationParams, chat.language).text);
    }
    const code = b.referenceCode;
    expect(texts[0]).toBe(`نیاز پرونده ${code} (مشاورهٔ حقوقی، اولویت زیاد) به شبکهٔ شما سپرده شد.`);
    expect(texts[1]).toBe(`A need of case ${code} (Legal advice, priority High) was routed to your network.`);
    for (const text of texts) for (const s of identity) expect(text).not.toContain(s);
    for (const chat of notTold) expect(await db().outboxMessage.count({ where: { chatAccountId: chat.id } })).toBe(0);
  });

  it('the finance officer gets no button and is refused; county staff cannot route another county\'s need; nothing written', async () => {
    const b = await household();
    const need = await createNeed(db(), { beneficiaryId: b.id, category: 'LEGAL' });
    const { network, told } = await networkWithMembers();
    expect(await buttons('FINANCE', `BeneficiaryNeed/records/${need.id}/show`)).not.toContain('routeNeedToNetwork');
    expect(refused(await as('FINANCE').post(`BeneficiaryNeed/records/${need.id}/routeNeedToNetwork`, { networkId: network.id }))).toBe(true);
    const foreign = await createNeed(db(), { beneficiaryId: panel.world.records.Beneficiary.elsewhere! });
    expect(refused(await as('COUNTY_STAFF').post(`BeneficiaryNeed/records/${foreign.id}/routeNeedToNetwork`, { networkId: network.id }))).toBe(true);
    for (const n of [need, foreign]) expect(await db().beneficiaryNeed.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ state: 'OPEN', routedNetworkId: null });
    for (const chat of told) expect(await db().outboxMessage.count({ where: { chatAccountId: chat.id } })).toBe(0);
    expect(await auditsOf(need.id)).toEqual([]);
  });

  it("a need is listed with its household's reference code for those without identity access; the identity is nowhere in it", async () => {
    const b = await createBeneficiary(db(), { centerId: panel.world.centers.home.id, headName: 'نام محرمانه', phone: uniqueMobile() });
    const need = await createNeed(db(), { beneficiaryId: b.id });
    for (const role of ['FINANCE', 'AUDITOR'] as const) {
      const list = await as(role).get('BeneficiaryNeed/actions/list?perPage=500');
      const row = list.body.records!.find((r) => r.id === need.id);
      expect(row, role).toBeTruthy();
      expect(JSON.stringify(row)).not.toContain('نام محرمانه');
      expect(JSON.stringify(row)).not.toContain(b.phone!);
      expect(JSON.stringify(row)).toContain(b.referenceCode);
    }
  });
});
