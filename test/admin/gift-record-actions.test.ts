/**
 * Recording what a center received, through the panel's own HTTP routes (POST, as the form
 * sends it): a gift from the Donation list or from a donor's page, and an organisation
 * registered as a donor. Each action, per role: permitted ones run core's use-case (the
 * row's state and its audit rows prove it), denied ones get no button and are refused with
 * nothing written; a refusal by core arrives as its translated sentence.
 */
import { describe, expect, it } from 'vitest';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';
import { createPledge, uniqueMobile, uniqueNationalId } from '../../fixtures/factories.ts';
import { persianDigits } from '../../messenger/digits.ts';
import { toAsciiDigits } from '../../core/input/normalize.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const db = () => panel.database.db;
const auditsOf = async (entityId: string) =>
  (await db().auditLog.findMany({ where: { entityId }, orderBy: { id: 'asc' }, select: { action: true } })).map((a) => a.action);

let trace = 81_000_000;
/** Cash paid into the home center's Sandogh account, as typed in the form (Persian digits, a Jalali-picked day). */
const cashTyped = () => ({ centerId: panel.world.centers.home.id, kind: 'CASH', fund: 'SADAQA', amountToman: '۲٬۵۰۰٬۰۰۰', traceNumber: String(++trace), paidAt: '2026-11-20' });
const goodsTyped = () => ({ centerId: panel.world.centers.home.id, kind: 'IN_KIND', itemDescription: 'کیسهٔ برنج', quantity: '۱۲', unit: 'کیسه', estimatedValueToman: '۱۸۰۰۰۰۰۰' });

/**
 * Who may use each action, written out from the policy by hand (the permission matrix of
 * these actions): state after a permitted POST, and the audit rows it leaves.
 */
interface GiftCase {
  action: 'recordDonation' | 'recordDonationFromDonor';
  role: RoleKey;
  typed: () => Record<string, string>;
  state: 'CONFIRMED' | 'REPORTED';
  audits: string[];
}

const PERMITTED: GiftCase[] = [
  // Who may confirm gifts and records one has checked it: confirmed at once, with its receipt.
  { action: 'recordDonation', role: 'FINANCE', typed: cashTyped, state: 'CONFIRMED', audits: ['donation.record', 'donation.confirm'] },
  { action: 'recordDonation', role: 'COUNTY_STAFF', typed: goodsTyped, state: 'CONFIRMED', audits: ['donation.record', 'donation.confirm'] },
  // The chair takes gifts but does not confirm them: the finance officer reviews it.
  { action: 'recordDonation', role: 'CHAIR', typed: goodsTyped, state: 'REPORTED', audits: ['donation.record'] },
  { action: 'recordDonationFromDonor', role: 'CHAIR', typed: cashTyped, state: 'REPORTED', audits: ['donation.record'] },
  { action: 'recordDonationFromDonor', role: 'PROVINCE_ADMIN', typed: cashTyped, state: 'CONFIRMED', audits: ['donation.record', 'donation.confirm'] },
];

const DENIED: { action: GiftCase['action']; role: RoleKey }[] = [
  { action: 'recordDonation', role: 'SOCIAL_WORK' },
  { action: 'recordDonation', role: 'AUDITOR' },
  { action: 'recordDonation', role: 'PROVINCE_SUPERVISOR' },
  // The finance officer does not read donor records: no donor's page to record from.
  { action: 'recordDonationFromDonor', role: 'FINANCE' },
  { action: 'recordDonationFromDonor', role: 'SOCIAL_WORK' },
];

const urlOf = (action: GiftCase['action']) =>
  action === 'recordDonation' ? 'Donation/actions/recordDonation' : `Donor/records/${panel.world.records.Donor.home}/recordDonationFromDonor`;
const offered = async (role: RoleKey, action: GiftCase['action']) => {
  if (action === 'recordDonationFromDonor') {
    const shown = await as(role).get(`Donor/records/${panel.world.records.Donor.home}/show`);
    return (shown.body.record?.recordActions ?? []).some((a) => a.name === action);
  }
  const r = await as(role).get('Donation/actions/recordDonation');
  return !refused(r) && r.body.data?.form !== undefined;
};

describe.each(PERMITTED)('$action by $role', (c) => {
  it(`offers the form; the POST records the gift ${c.state}, audited`, async () => {
    expect(await offered(c.role, c.action)).toBe(true);
    const typed = c.typed();
    const r = await as(c.role).post(urlOf(c.action), typed);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const donation = await db().donation.findFirstOrThrow({ where: { centerId: panel.world.centers.home.id }, orderBy: { createdAt: 'desc' } });
    expect(donation).toMatchObject({ state: c.state, kind: typed.kind, reportedViaChatAccountId: null });
    expect(donation.receiptNo === null).toBe(c.state === 'REPORTED');
    expect(donation.donorId).toBe(c.action === 'recordDonationFromDonor' ? panel.world.records.Donor.home : null);
    if (typed.kind === 'CASH') expect(donation).toMatchObject({ amountRial: 25_000_000n, traceNumber: typed.traceNumber, sandoghAccountNo: panel.world.centers.home.sandoghAccountNo });
    else expect(donation).toMatchObject({ itemDescription: 'کیسهٔ برنج', quantity: 12, unit: 'کیسه', estimatedValueRial: 180_000_000n, amountRial: null });
    expect(await auditsOf(donation.id)).toEqual(c.audits);
  });
});

describe.each(DENIED)('$action by $role', (c) => {
  it('no button; the POST is refused and writes nothing', async () => {
    expect(await offered(c.role, c.action)).toBe(false);
    const before = await db().donation.count();
    const audits = await db().auditLog.count({ where: { action: 'donation.record' } });
    const r = await as(c.role).post(urlOf(c.action), cashTyped());
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await db().donation.count()).toBe(before);
    expect(await db().auditLog.count({ where: { action: 'donation.record' } })).toBe(audits);
  });
});

describe('recording a gift: the form and core refusals', () => {
  it("the form offers the login's licensed centers and the donors it may read, and asks no idempotency key", async () => {
    const form = (await as('COUNTY_STAFF').get('Donation/actions/recordDonation')).body.data?.form as {
      schema: { properties: Record<string, unknown> };
      ui: Record<string, { options?: { value: string }[]; label: string }>;
    };
    expect(form.ui.centerId?.options?.map((o) => o.value).sort()).toEqual([panel.world.centers.home.id, panel.world.centers.sibling.id].sort());
    expect(form.ui.donorId?.options?.map((o) => o.value)).toEqual(expect.arrayContaining([panel.world.records.Donor.home, panel.world.records.Donor.sibling]));
    expect(form.ui.donorId?.options?.map((o) => o.value)).not.toContain(panel.world.records.Donor.elsewhere);
    expect(form.schema.properties).not.toHaveProperty('idempotencyKey');
    // The form adds the unit to a money field's label itself.
    expect(form.ui.amountToman?.label).toBe('مبلغ');
  });

  it('cash without its trace number is refused in words, naming the field; nothing written', async () => {
    const before = await db().donation.count();
    const { traceNumber: _none, ...typed } = cashTyped();
    const r = await as('FINANCE').post('Donation/actions/recordDonation', typed);
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این مورد را باید وارد کنید.' });
    expect(r.body.data?.error).toMatchObject({ field: 'traceNumber' });
    expect(await db().donation.count()).toBe(before);
  });

  it('the same bank transfer recorded twice is refused the second time', async () => {
    const typed = cashTyped();
    expect((await as('FINANCE').post('Donation/actions/recordDonation', typed)).body.notice?.type).toBe('success');
    const again = await as('COUNTY_STAFF').post('Donation/actions/recordDonation', typed);
    expect(again.body.notice).toMatchObject({ type: 'error', message: 'این شماره پیگیری پیش‌تر برای کمکی از این مرکز ثبت شده است؛ همان گزارش را بررسی و تأیید کنید.' });
    expect(await db().donation.count({ where: { traceNumber: typed.traceNumber } })).toBe(1);
  });

  it("from a donor's page, the donor's active pledges are offered; a gift against one fulfils it", async () => {
    const donorId = panel.world.records.Donor.home!;
    const pledge = await createPledge(db(), { centerId: panel.world.centers.home.id, donorId, fund: 'ZAKAT', amountRial: 25_000_000n });
    const form = (await as('PROVINCE_ADMIN').get(`Donor/records/${donorId}/recordDonationFromDonor`)).body.data?.form as {
      schema: { properties: Record<string, unknown> };
      ui: Record<string, { options?: { value: string }[] }>;
    };
    expect(form.ui.pledgeId?.options?.map((o) => o.value)).toContain(pledge.id);
    expect(form.ui.pledgeId?.options?.map((o) => o.value)).not.toContain(panel.world.records.Pledge.sibling);
    expect(form.schema.properties).not.toHaveProperty('donorId');
    // The list's form knows no donor yet: no pledge to pick there.
    const listForm = (await as('PROVINCE_ADMIN').get('Donation/actions/recordDonation')).body.data?.form as { schema: { properties: Record<string, unknown> } };
    expect(listForm.schema.properties).not.toHaveProperty('pledgeId');

    const r = await as('PROVINCE_ADMIN').post(`Donor/records/${donorId}/recordDonationFromDonor`, { ...cashTyped(), pledgeId: pledge.id });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    expect(donation).toMatchObject({ state: 'CONFIRMED', fund: 'ZAKAT', donorId });
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('FULFILLED');
  });

  it("county staff cannot record at another county's center (a forged id): refused, nothing written", async () => {
    const before = await db().donation.count();
    const r = await as('COUNTY_STAFF').post('Donation/actions/recordDonation', { ...cashTyped(), centerId: panel.world.centers.elsewhere.id });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
    expect(await db().donation.count()).toBe(before);
  });
});

describe('registering an organisation as a donor', () => {
  let n = 0;
  const typed = () => ({
    organizationName: `شرکت فولاد خراسان ${++n}`,
    organizationRegNo: `۴۵۶۷${n}`,
    recruitedByCenterId: panel.world.centers.home.id,
    anonymous: 'false',
    contactFirstName: 'مهدی',
    contactLastName: 'کریمی',
    contactMobile: '۰۹۱۵ ۱۲۳ ۴۵۶۷',
  });

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'] as const)('%s registers one with its contact person: LEGAL, audited', async (role) => {
    const org = typed();
    const r = await as(role).post('Donor/actions/registerLegalDonor', org);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const donor = await db().donor.findFirstOrThrow({ where: { organizationName: org.organizationName }, include: { contactPerson: true } });
    expect(donor).toMatchObject({ type: 'LEGAL', organizationRegNo: `4567${n}`, anonymous: false, recruitedByCenterId: panel.world.centers.home.id, personId: null });
    expect(donor.contactPerson).toMatchObject({ firstName: 'مهدی', lastName: 'کریمی', mobile: '09151234567' });
    expect(await auditsOf(donor.id)).toEqual(['donor.register']);
  });

  it.each(['FINANCE', 'SOCIAL_WORK', 'PROVINCE_SUPERVISOR', 'AUDITOR'] as const)('%s: no button, refused, nothing written', async (role) => {
    const form = await as(role).get('Donor/actions/registerLegalDonor');
    expect(refused(form) || form.body.data?.form === undefined).toBe(true);
    const org = typed();
    const r = await as(role).post('Donor/actions/registerLegalDonor', org);
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await db().donor.count({ where: { organizationName: org.organizationName } })).toBe(0);
  });

  it('the same registration number twice is refused in words; county staff must name the center that found it', async () => {
    const org = typed();
    expect((await as('COUNTY_STAFF').post('Donor/actions/registerLegalDonor', org)).body.notice?.type).toBe('success');
    const twice = await as('CHAIR').post('Donor/actions/registerLegalDonor', { ...org, organizationName: 'نام دیگر' });
    expect(twice.body.notice).toMatchObject({ type: 'error', message: 'این خیّر قبلاً ثبت شده است.' });
    const { recruitedByCenterId: _c, ...noCenter } = typed();
    const r = await as('COUNTY_STAFF').post('Donor/actions/registerLegalDonor', noCenter);
    expect(r.body.data?.error).toMatchObject({ field: 'recruitedByCenterId' });
    expect(await db().donor.count({ where: { organizationName: { in: ['نام دیگر', noCenter.organizationName] } } })).toBe(0);
  });
});

describe('registering a person met at the center as a donor', () => {
  const typed = () => ({
    firstName: 'زهرا',
    lastName: 'حسيني',
    mobile: persianDigits(uniqueMobile()),
    nationalId: persianDigits(uniqueNationalId()),
    gender: 'FEMALE',
    recruitedByCenterId: panel.world.centers.home.id,
  });

  it.each(['COUNTY_STAFF', 'CHAIR'] as const)('%s registers one, typed in Persian digits: NATURAL, found by the center, audited', async (role) => {
    const person = typed();
    const r = await as(role).post('Donor/actions/registerNaturalDonor', person);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const nationalId = toAsciiDigits(person.nationalId);
    const donor = await db().donor.findFirstOrThrow({ where: { person: { nationalId } }, include: { person: true } });
    expect(donor).toMatchObject({ type: 'NATURAL', anonymous: true, recruitedByCenterId: panel.world.centers.home.id });
    expect(donor.person).toMatchObject({ firstName: 'زهرا', lastName: 'حسینی', gender: 'FEMALE', mobile: expect.stringMatching(/^09\d{9}$/) });
    expect(await auditsOf(donor.id)).toEqual(['donor.register']);
    // Registered twice: refused in words, nothing more written.
    const twice = await as(role).post('Donor/actions/registerNaturalDonor', person);
    expect(twice.body.notice).toMatchObject({ type: 'error', message: 'این خیّر قبلاً ثبت شده است.' });
    expect(await db().donor.count({ where: { person: { nationalId } } })).toBe(1);
  });

  it.each(['FINANCE', 'AUDITOR'] as const)('%s: refused, nothing written', async (role) => {
    const person = typed();
    const r = await as(role).post('Donor/actions/registerNaturalDonor', person);
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await db().person.count({ where: { lastName: 'حسینی', mobile: toAsciiDigits(person.mobile) } })).toBe(0);
  });
});
