/**
 * Reversing a gift and looking after donors through the panel's own HTTP routes (POST, as
 * the form sends it): each core action runs for the roles the policy allows (database state
 * and audit row), a role it does not allow gets no button and is refused with nothing
 * written, a record of another county is out of reach, and core's refusals -- a fund that
 * would go below zero, a reason of invisible characters -- arrive as their Persian sentence.
 */
import { describe, expect, it } from 'vitest';
import { createCtx } from '../../core/context.ts';
import { mergeDonors } from '../../core/giving/merge-donors.ts';
import { createBeneficiary, createDistribution, createDonation, createDonor, createPerson, uniqueMobile } from '../../fixtures/factories.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';
import { persianDigits } from '../../messenger/digits.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const db = () => panel.database.db;
const auditCount = (action: string, entityId: string) => db().auditLog.count({ where: { action, entityId } });
const SYSTEM = { kind: 'system', job: 'test' } as const;

/** Two donors found by the center sharing a mobile: the older is kept, the newer is the duplicate. */
async function lookAlikes(centerId: string) {
  const mobile = uniqueMobile();
  const keep = await createDonor(db(), { personId: (await createPerson(db(), { mobile })).id, recruitedByCenterId: centerId });
  const dup = await createDonor(db(), { personId: (await createPerson(db(), { mobile, nationalId: null })).id, recruitedByCenterId: centerId });
  return { keep, dup, mobile };
}

interface Case {
  resource: 'Donation' | 'Donor';
  action: string;
  audit: string;
  /** A fresh record of the center in the state the action needs, and the form's fields. */
  setup: (centerId: string) => Promise<{ id: string; payload: Record<string, string> }>;
  state: (id: string) => Promise<unknown>;
  before: unknown;
  after: unknown;
  allowed: RoleKey[];
  denied: RoleKey[];
}

const reversals = async (id: string) => db().donation.count({ where: { reversesId: id, state: 'REVERSED' } });
const mergedInto = async (id: string) => !!(await db().donor.findUniqueOrThrow({ where: { id } })).mergedIntoId;
const anonymous = async (id: string) => (await db().donor.findUniqueOrThrow({ where: { id } })).anonymous;

const CASES: Case[] = [
  {
    resource: 'Donation',
    action: 'reverseDonation',
    audit: 'donation.reverse',
    // Its own money in a fund nothing else spends: the reversal is covered.
    setup: async (centerId) => ({
      id: (await createDonation(db(), { centerId, fund: 'NAZR', state: 'CONFIRMED', amountRial: 2_000_000n })).id,
      payload: { reason: 'واریز دوبار ثبت شده بود' },
    }),
    state: reversals,
    before: 0,
    after: 1,
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
    // The finance officer confirms gifts but does not reverse them; the auditor only reads.
    denied: ['FINANCE', 'AUDITOR'],
  },
  {
    resource: 'Donor',
    action: 'mergeDonors',
    audit: 'donor.merge',
    setup: async (centerId) => {
      const { keep, dup } = await lookAlikes(centerId);
      return { id: dup.id, payload: { keepDonorId: keep.id, reason: 'یک نفر با دو پرونده' } };
    },
    state: mergedInto,
    before: false,
    after: true,
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
    // The chair looks after the center's donors but merging is Imdad's.
    denied: ['CHAIR', 'PROVINCE_SUPERVISOR'],
  },
  {
    resource: 'Donor',
    action: 'unmergeDonors',
    audit: 'donor.unmerge',
    setup: async (centerId) => {
      const { keep, dup } = await lookAlikes(centerId);
      await mergeDonors(createCtx({ db: db() }), SYSTEM, { keepDonorId: keep.id, duplicateDonorId: dup.id });
      return { id: dup.id, payload: { reason: 'دو نفر جدا هستند' } };
    },
    state: mergedInto,
    before: true,
    after: false,
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
    denied: ['CHAIR', 'AUDITOR'],
  },
  {
    resource: 'Donor',
    action: 'makeDonorAnonymous',
    audit: 'donor.setAnonymity',
    setup: async (centerId) => ({ id: (await createDonor(db(), { recruitedByCenterId: centerId, anonymous: false })).id, payload: {} }),
    state: anonymous,
    before: false,
    after: true,
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'],
    denied: ['AUDITOR', 'FINANCE'],
  },
  {
    resource: 'Donor',
    action: 'showDonorName',
    audit: 'donor.setAnonymity',
    setup: async (centerId) => ({ id: (await createDonor(db(), { recruitedByCenterId: centerId, anonymous: true })).id, payload: {} }),
    state: anonymous,
    before: true,
    after: false,
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'],
    denied: ['AUDITOR', 'SOCIAL_WORK'],
  },
  {
    resource: 'Donor',
    action: 'updateDonor',
    audit: 'donor.update',
    setup: async (centerId) => ({ id: (await createDonor(db(), { recruitedByCenterId: centerId })).id, payload: { note: 'فقط پیامک بفرستید' } }),
    state: async (id) => (await db().donor.findUniqueOrThrow({ where: { id } })).note,
    before: null,
    after: 'فقط پیامک بفرستید',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'],
    denied: ['AUDITOR', 'FINANCE'],
  },
];

describe.each(CASES)('$resource $action', (c) => {
  it.each(c.allowed)('%s: the button shows, the POST runs the use-case and audits it', async (role) => {
    const { id, payload } = await c.setup(panel.world.centers.home.id);
    const shown = await as(role).get(`${c.resource}/records/${id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain(c.action);
    const r = await as(role).post(`${c.resource}/records/${id}/${c.action}`, payload);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await c.state(id)).toEqual(c.after);
    expect(await auditCount(c.audit, id)).toBe(1);
    // Done once, the button is gone (a reversed gift, a merged donor, a changed anonymity).
    if (c.action !== 'updateDonor') {
      const again = await as(role).get(`${c.resource}/records/${id}/show`);
      expect(again.body.record?.recordActions?.map((a) => a.name)).not.toContain(c.action);
    }
  });

  it.each(c.denied)('%s: no button, the POST is refused and writes nothing', async (role) => {
    const { id, payload } = await c.setup(panel.world.centers.home.id);
    const shown = await as(role).get(`${c.resource}/records/${id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain(c.action);
    const r = await as(role).post(`${c.resource}/records/${id}/${c.action}`, payload);
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await c.state(id)).toEqual(c.before);
    expect(await auditCount(c.audit, id)).toBe(0);
  });

  it("county staff cannot reach another county's record: refused, nothing written", async () => {
    const { id, payload } = await c.setup(panel.world.centers.elsewhere.id);
    const r = await as('COUNTY_STAFF').post(`${c.resource}/records/${id}/${c.action}`, payload);
    expect(refused(r)).toBe(true);
    expect(await c.state(id)).toEqual(c.before);
  });
});

describe("a donor's note emptied in the edit form", () => {
  it('opens with the note as it is, and is cleared when the form sends it empty (audited); an emptied organisation name is refused in words', async () => {
    const donor = await createDonor(db(), { type: 'LEGAL', recruitedByCenterId: panel.world.centers.home.id, note: 'فقط پیامک بفرستید' });
    const url = `Donor/records/${donor.id}/updateDonor`;
    const form = (await as('CHAIR').get(url)).body.data?.form as { values?: Record<string, string> };
    expect(form.values).toMatchObject({ note: 'فقط پیامک بفرستید', organizationName: donor.organizationName });

    const emptiedName = await as('CHAIR').post(url, { organizationName: '' });
    expect(emptiedName.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/[\u0600-\u06FF]/) });
    expect((emptiedName.body.data?.error as { field?: string } | undefined)?.field).toBe('organizationName');
    expect(await auditCount('donor.update', donor.id)).toBe(0);

    const cleared = await as('CHAIR').post(url, { note: '' });
    expect(cleared.body.notice?.type, cleared.body.notice?.message).toBe('success');
    expect(await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).toMatchObject({ note: null, organizationName: donor.organizationName });
    const log = await db().auditLog.findFirstOrThrow({ where: { action: 'donor.update', entityId: donor.id } });
    expect(log).toMatchObject({ before: { note: 'فقط پیامک بفرستید' }, after: { note: null } });
  });
});

describe('reversing a gift whose money was spent', () => {
  it('is refused in words: the fund would go below zero; nothing written, the donor is not told', async () => {
    const centerId = panel.world.centers.home.id;
    const gift = await createDonation(db(), { centerId, fund: 'KAFFARA', state: 'CONFIRMED', amountRial: 5_000_000n });
    const household = await createBeneficiary(db(), { centerId });
    await createDistribution(db(), { centerId, beneficiaryId: household.id, fund: 'KAFFARA', amountRial: 3_000_000n, state: 'DISTRIBUTED' });
    const r = await as('COUNTY_STAFF').post(`Donation/records/${gift.id}/reverseDonation`, { reason: 'مبلغ اشتباه' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'برگشت این کمک موجودی صندوق را منفی می‌کند: این پول پیش‌تر خرج شده است.' });
    expect(await reversals(gift.id)).toBe(0);
    expect(await auditCount('donation.reverse', gift.id)).toBe(0);
    expect(await db().outboxMessage.count({ where: { template: 'donation.reversed', dedupeKey: { contains: gift.id } } })).toBe(0);
  });

  it('a reason of joiners only is refused as unreadable, in Persian', async () => {
    const gift = await createDonation(db(), { centerId: panel.world.centers.home.id, fund: 'NAZR', state: 'CONFIRMED', amountRial: 1_000_000n });
    const r = await as('PROVINCE_ADMIN').post(`Donation/records/${gift.id}/reverseDonation`, { reason: '\u200c\u200c' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این متن فقط نویسه‌های نامرئی (مثل نیم‌فاصله یا فاصله) دارد؛ متنی بنویسید که خوانده شود.' });
    expect(await reversals(gift.id)).toBe(0);
  });
});

describe('look-alike donors', () => {
  type Pair = { reason: string; keep: { id: string; name: string }; duplicate: { id: string; name: string } };
  const pairsOf = (body: { data?: Record<string, unknown> }) => (body.data?.pairs ?? []) as Pair[];

  it('lists each pair with what they share, to Imdad operators of their area; others are refused', async () => {
    const home = await lookAlikes(panel.world.centers.home.id);
    const away = await lookAlikes(panel.world.centers.elsewhere.id);

    const province = pairsOf((await as('PROVINCE_ADMIN').get('Donor/actions/duplicateDonors')).body);
    expect(province).toContainEqual(expect.objectContaining({ reason: `تلفن همراه یکسان: ${persianDigits(home.mobile)}`, keep: expect.objectContaining({ id: home.keep.id }), duplicate: expect.objectContaining({ id: home.dup.id }) }));
    expect(province.some((p) => p.duplicate.id === away.dup.id)).toBe(true);

    const county = pairsOf((await as('COUNTY_STAFF').get('Donor/actions/duplicateDonors')).body);
    expect(county.some((p) => p.duplicate.id === home.dup.id)).toBe(true);
    expect(county.some((p) => p.duplicate.id === away.dup.id), "another county's donors").toBe(false);

    for (const role of ['CHAIR', 'AUDITOR', 'FINANCE'] as const) {
      const r = await as(role).get('Donor/actions/duplicateDonors');
      expect(refused(r), role).toBe(true);
      expect(pairsOf(r.body)).toEqual([]);
    }
  });

  it("one donor's look-alikes, on its page: for those who look after donors; the merge link only for those who merge", async () => {
    const { keep, dup, mobile } = await lookAlikes(panel.world.centers.home.id);
    const chair = await as('CHAIR').get(`Donor/records/${dup.id}/donorLookAlikes`);
    expect(chair.body.data).toMatchObject({ mayMerge: false });
    expect(pairsOf(chair.body)).toEqual([
      { reason: `تلفن همراه یکسان: ${persianDigits(mobile)}`, keep: expect.objectContaining({ id: keep.id }), duplicate: expect.objectContaining({ id: dup.id }) },
    ]);
    expect((await as('COUNTY_STAFF').get(`Donor/records/${dup.id}/donorLookAlikes`)).body.data).toMatchObject({ mayMerge: true });
    const finance = await as('FINANCE').get(`Donor/records/${dup.id}/donorLookAlikes`);
    expect(refused(finance)).toBe(true);
    expect(pairsOf(finance.body)).toEqual([]);
  });

  it("the merge form names the donors to choose from (not their ids)", async () => {
    const { keep, dup } = await lookAlikes(panel.world.centers.home.id);
    const form = (await as('COUNTY_STAFF').get(`Donor/records/${dup.id}/mergeDonors`)).body.data?.form as { ui: Record<string, { options?: { value: string; label: string }[] }> };
    const kept = await db().donor.findUniqueOrThrow({ where: { id: keep.id }, include: { person: true } });
    expect(form.ui.keepDonorId!.options).toContainEqual({ value: keep.id, label: `${kept.person!.firstName} ${kept.person!.lastName}` });
  });

  it('a donor is never edited by the plain form: the edit is refused and nothing changes', async () => {
    const donor = await createDonor(db(), { recruitedByCenterId: panel.world.centers.home.id, anonymous: true });
    for (const role of ['PROVINCE_ADMIN', 'CHAIR'] as const) {
      const r = await as(role).post(`Donor/records/${donor.id}/edit`, { anonymous: false, note: 'دور زدن هسته' });
      expect(refused(r), role).toBe(true);
    }
    expect(await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).toMatchObject({ anonymous: true, note: null });
  });
});
