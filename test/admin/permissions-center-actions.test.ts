/**
 * The permission matrix of a center's actions -- register, issue, reject, renew, suspend,
 * reinstate, revoke, dissolve, propose a decision, record an inspection -- and a center's
 * life through the panel's own HTTP routes (POST, as the form sends it): each
 * core action runs for every role the policy allows (the database state and the audit
 * row prove the use-case ran), is refused for a role it does not allow with nothing
 * written, and a refusal by core arrives as its translated sentence, naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { LicenseState } from '../../prisma/generated/client/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const centerOf = (id: string) => panel.database.db.center.findUniqueOrThrow({ where: { id } });
const auditsOf = (entityId: string) => panel.database.db.auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));

interface Case {
  action: string;
  from: LicenseState;
  payload: Record<string, string>;
  to: LicenseState;
  audit: string;
  allowed: RoleKey[];
  denied: RoleKey;
}

const CASES: Case[] = [
  { action: 'issueLicense', from: 'APPLIED', payload: { validityMonths: '۱۲', letterNo: '۱۴۰۵/ص/۱۲' }, to: 'LICENSED', audit: 'license.issued', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'COUNTY_STAFF' },
  { action: 'rejectApplication', from: 'APPLIED', payload: { reason: 'محدوده با مرکز دیگری هم‌پوشان است' }, to: 'REJECTED', audit: 'license.rejected', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'COUNTY_STAFF' },
  { action: 'renewLicense', from: 'LICENSED', payload: { validityMonths: '٦' }, to: 'LICENSED', audit: 'license.renewed', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'CHAIR' },
  { action: 'suspendLicense', from: 'LICENSED', payload: { reason: 'گزارش بازرسی' }, to: 'SUSPENDED', audit: 'license.suspended', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'COUNTY_STAFF' },
  { action: 'reinstateLicense', from: 'SUSPENDED', payload: {}, to: 'LICENSED', audit: 'license.reinstated', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'AUDITOR' },
  { action: 'revokeLicense', from: 'SUSPENDED', payload: { reason: 'تخلف مالی' }, to: 'REVOKED', audit: 'license.revoked', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'COUNTY_STAFF' },
  { action: 'dissolveCenter', from: 'REVOKED', payload: { assetHandover: 'اموال به ادارهٔ امداد شهرستان تحویل شد' }, to: 'DISSOLVED', audit: 'license.dissolved', allowed: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'], denied: 'COUNTY_STAFF' },
];

describe.each(CASES)('$action', (c) => {
  it.each(c.allowed)('%s: the button shows, the POST runs the use-case and audits it', async (role) => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: c.from });
    const shown = await as(role).get(`Center/records/${center.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain(c.action);
    const r = await as(role).post(`Center/records/${center.id}/${c.action}`, c.payload);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect((await centerOf(center.id)).licenseState).toBe(c.to);
    expect(await auditsOf(center.id)).toContain(c.audit);
  });

  it(`${c.denied}: no button, the POST is refused and writes nothing`, async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: c.from });
    const shown = await as(c.denied).get(`Center/records/${center.id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain(c.action);
    const r = await as(c.denied).post(`Center/records/${center.id}/${c.action}`, c.payload);
    expect(refused(r)).toBe(true);
    expect(await centerOf(center.id)).toMatchObject({ licenseState: c.from, updatedAt: center.updatedAt });
    expect(await auditsOf(center.id)).toEqual([]);
  });
});

describe('the form and core refusals', () => {
  it('a GET describes the form from core schema, in Persian, and changes nothing', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const r = await as('PROVINCE_ADMIN').get(`Center/records/${center.id}/issueLicense`);
    const form = r.body.data?.form as { schema: { properties: Record<string, { type?: string }> }; ui: Record<string, { label: string }> };
    expect(Object.keys(form.schema.properties)).toEqual(['validityMonths', 'letterNo']);
    expect(form.schema.properties.validityMonths?.type).toBe('integer');
    expect(form.ui.letterNo?.label).toBe('شمارهٔ نامه');
    expect((await centerOf(center.id)).licenseState).toBe('APPLIED');
  });

  it("core's refusal is its translated sentence, naming the field; nothing is written", async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    const r = await as('PROVINCE_ADMIN').post(`Center/records/${center.id}/suspendLicense`, { reason: '   ' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این مورد را باید وارد کنید.' });
    expect(r.body.data?.error).toMatchObject({ code: 'REQUIRED', field: 'reason' });
    expect((await centerOf(center.id)).licenseState).toBe('LICENSED');
    expect(await auditsOf(center.id)).toEqual([]);
  });

  it('a state the license cannot leave that way is refused in words, not a 500', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    // The button is hidden for an application; a forged POST still reaches core's rule.
    const r = await as('PROVINCE_ADMIN').post(`Center/records/${center.id}/suspendLicense`, { reason: 'x' });
    expect(refused(r)).toBe(true);
    expect((await centerOf(center.id)).licenseState).toBe('APPLIED');
  });

  it('a center of another county is not found for county staff', async () => {
    const r = await as('COUNTY_STAFF').post(`Center/records/${panel.world.centers.elsewhere.id}/proposeLicenseDecision`, { decision: 'SUSPENDED', reason: 'x' });
    expect(refused(r)).toBe(true);
    expect(await panel.database.db.approvalRequest.count({ where: { targetId: panel.world.centers.elsewhere.id, kind: 'LICENSE_DECISION' } })).toBe(0);
  });
});

describe('registering a center', () => {
  const typed = {
    name: 'مرکز نیکوکاری مسجد امام رضا',
    hostType: 'MOSQUE',
    hostName: 'مسجد امام رضا (ع)',
    address: 'مشهد، خیابان امام رضا ۱۲',
    activityArea: 'محلهٔ طلاب',
    latitude: '۳۶٫۲۹',
    longitude: '59.61',
  };

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF'] as const)('%s registers one in county A: an application, audited', async (role) => {
    const r = await as(role).post('Center/actions/registerCenter', { ...typed, countyId: panel.world.countyA, name: `${typed.name} ${role}` });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const center = await panel.database.db.center.findFirstOrThrow({ where: { name: `${typed.name} ${role}` } });
    expect(center).toMatchObject({ countyId: panel.world.countyA, licenseState: 'APPLIED', hostType: 'MOSQUE', latitude: 36.29 });
    expect(await auditsOf(center.id)).toContain('center.apply');
  });

  it('the county picker offers county staff their own county only', async () => {
    const r = await as('COUNTY_STAFF').get('Center/actions/registerCenter');
    const form = r.body.data?.form as { ui: Record<string, { options?: { value: string }[] }> };
    expect(form.ui.countyId?.options?.map((o) => o.value)).toEqual([panel.world.countyA]);
  });

  it('county staff cannot register one in another county, and a trustee not at all', async () => {
    const before = await panel.database.db.center.count();
    const other = await as('COUNTY_STAFF').post('Center/actions/registerCenter', { ...typed, countyId: panel.world.countyB });
    expect(other.body.notice).toMatchObject({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
    expect(refused(await as('CHAIR').post('Center/actions/registerCenter', { ...typed, countyId: panel.world.countyA }))).toBe(true);
    expect(await panel.database.db.center.count()).toBe(before);
  });
});

describe('proposals: the county proposes, the province decides', () => {
  it('county staff propose a revocation; the province approves it through the one approval mechanism', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    const proposed = await as('COUNTY_STAFF').post(`Center/records/${center.id}/proposeLicenseDecision`, { decision: 'REVOKED', reason: 'تخلف مکرر' });
    expect(proposed.body.notice?.type, proposed.body.notice?.message).toBe('success');
    expect((await centerOf(center.id)).licenseState).toBe('LICENSED');
    const request = await panel.database.db.approvalRequest.findFirstOrThrow({ where: { targetId: center.id, kind: 'LICENSE_DECISION', state: 'PENDING' } });
    expect(refused(await as('COUNTY_STAFF').post(`ApprovalRequest/records/${request.id}/approve`, { confirm: 'yes' }))).toBe(true);
    const approved = await as('PROVINCE_SUPERVISOR').post(`ApprovalRequest/records/${request.id}/approve`, { confirm: 'yes' });
    expect(approved.body.notice?.type, approved.body.notice?.message).toBe('success');
    expect((await centerOf(center.id)).licenseState).toBe('REVOKED');
    expect(await auditsOf(center.id)).toEqual(expect.arrayContaining(['license.propose', 'license.revoked']));
  });

  it('the province does not propose (it decides): no button, refused', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    expect(refused(await as('PROVINCE_SUPERVISOR').post(`Center/records/${center.id}/proposeLicenseDecision`, { decision: 'REVOKED', reason: 'x' }))).toBe(true);
    expect(await panel.database.db.approvalRequest.count({ where: { targetId: center.id } })).toBe(0);
  });
});

describe('inspections', () => {
  it.each([
    ['COUNTY_STAFF', 'WARN', 'LICENSED'],
    ['PROVINCE_SUPERVISOR', 'SUSPEND', 'SUSPENDED'],
  ] as const)('%s records one with outcome %s; the license follows', async (role, outcome, state) => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    const r = await as(role).post(`Center/records/${center.id}/recordInspection`, { findings: 'دفتر دریافت‌ها ناقص است', outcome, outcomeReason: 'اصلاح دفتر' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.inspection.findFirstOrThrow({ where: { centerId: center.id } })).toMatchObject({ outcome });
    expect((await centerOf(center.id)).licenseState).toBe(state);
  });

  it('county staff may warn but not suspend: refused in words, nothing written', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/recordInspection`, { findings: 'x', outcome: 'SUSPEND', outcomeReason: 'y' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
    expect(await panel.database.db.inspection.count({ where: { centerId: center.id } })).toBe(0);
  });

  it('a trustee records none', async () => {
    const r = await as('CHAIR').post(`Center/records/${panel.world.centers.home.id}/recordInspection`, { findings: 'x' });
    expect(refused(r)).toBe(true);
    expect(await panel.database.db.inspection.count({ where: { centerId: panel.world.centers.home.id, findings: 'x' } })).toBe(0);
  });
});

describe('counties', () => {
  it('the province admin adds one, audited; the form picks the province', async () => {
    const form = (await as('PROVINCE_ADMIN').get('County/actions/createCounty')).body.data?.form as { ui: Record<string, { options?: { value: string }[] }> };
    expect(form.ui.provinceId?.options?.map((o) => o.value)).toContain(panel.world.provinceId);
    const r = await as('PROVINCE_ADMIN').post('County/actions/createCounty', { provinceId: panel.world.provinceId, name: 'تربت حیدریه', code: 'TRH' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const county = await panel.database.db.county.findFirstOrThrow({ where: { name: 'تربت حیدریه' } });
    expect(await auditsOf(county.id)).toContain('county.create');
  });

  it.each(['PROVINCE_SUPERVISOR', 'COUNTY_STAFF'] as const)('%s may not: refused, nothing written', async (role) => {
    const r = await as(role).post('County/actions/createCounty', { provinceId: panel.world.provinceId, name: `کاشمر ${role}` });
    expect(refused(r)).toBe(true);
    expect(await panel.database.db.county.count({ where: { name: `کاشمر ${role}` } })).toBe(0);
  });
});
