/**
 * Plain records edited through core, not around it: a center's description (updateCenter),
 * Imdad's own records of it (recordCenterAccount) and a volunteer's profile
 * (updateVolunteer), each through the panel's own HTTP routes. The old plain AdminJS edit
 * is refused outright -- it once answered "saved" while dropping the license state.
 */
import { describe, expect, it } from 'vitest';
import { createCenter, createVolunteer } from '../../fixtures/factories.ts';
import { createPanelUser, loginAs } from '../helpers/admin.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const centerOf = (id: string) => panel.database.db.center.findUniqueOrThrow({ where: { id } });
const auditsOf = (entityId: string) => panel.database.db.auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));
const actionsOn = (body: { record?: { recordActions?: { name: string }[] } }) => (body.record?.recordActions ?? []).map((a) => a.name);

describe("a center's description (updateCenter)", () => {
  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF'] as const)('%s edits it; the form opens with the current values; audited', async (role) => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const form = (await as(role).get(`Center/records/${center.id}/updateCenter`)).body.data?.form as { values: Record<string, string> };
    expect(form.values).toMatchObject({ name: center.name, hostName: center.hostName, activityArea: center.activityArea });
    const r = await as(role).post(`Center/records/${center.id}/updateCenter`, { ...form.values, activityArea: 'بازار', phone: '۰۵۱ ۳۸۴۴ ۵۵۶۶' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await centerOf(center.id)).toMatchObject({ activityArea: 'بازار', phone: '05138445566', name: center.name, licenseState: 'APPLIED' });
    expect(await auditsOf(center.id)).toEqual(['center.update']);
  });

  it("the chair edits their own center's; a license state or activity code sent along changes nothing", async () => {
    const id = panel.world.centers.home.id;
    const before = await centerOf(id);
    const r = await as('CHAIR').post(`Center/records/${id}/updateCenter`, { activityArea: 'محلهٔ تازه', licenseState: 'SUSPENDED', activityCode: 'HACK-1' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await centerOf(id)).toMatchObject({ activityArea: 'محلهٔ تازه', licenseState: before.licenseState, activityCode: before.activityCode });
  });

  it('the plain edit is gone: refused, nothing written', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const res = await as('COUNTY_STAFF').post(`Center/records/${center.id}/edit`, { licenseState: 'LICENSED', activityCode: 'HACK-1', activityArea: 'بازار' });
    expect(refused(res)).toBe(true);
    expect(await centerOf(center.id)).toMatchObject({ licenseState: 'APPLIED', activityCode: null, activityArea: center.activityArea, updatedAt: center.updatedAt });
  });

  it.each(['AUDITOR', 'FINANCE', 'PROVINCE_SUPERVISOR'] as const)('%s: no button, the POST is refused and writes nothing', async (role) => {
    const id = panel.world.centers.home.id;
    const before = await centerOf(id);
    expect(actionsOn((await as(role).get(`Center/records/${id}/show`)).body)).not.toContain('updateCenter');
    expect(refused(await as(role).post(`Center/records/${id}/updateCenter`, { activityArea: 'جعلی' }))).toBe(true);
    expect(await centerOf(id)).toMatchObject({ activityArea: before.activityArea, updatedAt: before.updatedAt });
  });

  it("county staff cannot reach another county's center (a forged id)", async () => {
    const id = panel.world.centers.elsewhere.id;
    expect(refused(await as('COUNTY_STAFF').post(`Center/records/${id}/updateCenter`, { activityArea: 'جعلی' }))).toBe(true);
    expect((await centerOf(id)).activityArea).not.toBe('جعلی');
  });

  it("a suspended center's chair may read but not edit: no button, refused, nothing written", async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'SUSPENDED' });
    const chair = await createPanelUser(panel.database.db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' });
    const client = api(panel.app, { user: chair, cookie: await loginAs(panel.app, chair.username, chair.password) });
    const shown = await client.get(`Center/records/${center.id}/show`);
    expect(refused(shown)).toBe(false);
    expect(actionsOn(shown.body)).not.toContain('updateCenter');
    expect(refused(await client.post(`Center/records/${center.id}/updateCenter`, { activityArea: 'محلهٔ تازه' }))).toBe(true);
    expect((await centerOf(center.id)).activityArea).toBe(center.activityArea);
  });

  it('the map point emptied in the form is cleared; typed in Persian digits it is read', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    const set = await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { latitude: '۳۶٫۲۹', longitude: '59.61' });
    expect(set.body.notice?.type, set.body.notice?.message).toBe('success');
    expect(await centerOf(center.id)).toMatchObject({ latitude: 36.29, longitude: 59.61 });
    const cleared = await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { latitude: '', longitude: '' });
    expect(cleared.body.notice?.type, cleared.body.notice?.message).toBe('success');
    expect(await centerOf(center.id)).toMatchObject({ latitude: null, longitude: null });
  });

  it('a phone number emptied in the form is cleared, audited; an untouched one stays', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { phone: '05138445566' });
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { phone: '' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect((await centerOf(center.id)).phone).toBeNull();
    expect(await auditsOf(center.id)).toEqual(['center.update', 'center.update']);
    await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { phone: '05138445566' });
    await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { activityArea: 'بازار' });
    expect((await centerOf(center.id)).phone).toBe('05138445566');
  });

  it("a bad phone is core's refusal naming the field", async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    const res = await as('COUNTY_STAFF').post(`Center/records/${center.id}/updateCenter`, { phone: '12' });
    expect(res.body.data?.error).toMatchObject({ code: 'VALIDATION', field: 'phone' });
    expect((await centerOf(center.id)).phone).toBe(center.phone);
  });
});

describe("Imdad's records of a center (recordCenterAccount)", () => {
  it('county staff record the area kind and the Sandogh account, digits in any script', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/recordCenterAccount`, {
      areaKind: 'LESS_PRIVILEGED',
      sandoghAccountNo: '۱۲۳۴۵۶۷۸۹',
      sandoghSheba: 'IR820540102680020817909002',
      sandoghAccountOpenedAt: '2026-11-01',
    });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await centerOf(center.id)).toMatchObject({ areaKind: 'LESS_PRIVILEGED', sandoghAccountNo: '123456789', sandoghSheba: 'IR820540102680020817909002' });
    expect(await auditsOf(center.id)).toEqual(['center.recordAccount']);
  });

  it('an account of another center is a conflict in words, not a 500', async () => {
    const other = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'LICENSED' });
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const r = await as('PROVINCE_ADMIN').post(`Center/records/${center.id}/recordCenterAccount`, { sandoghAccountNo: other.sandoghAccountNo! });
    expect(r.body.data?.error).toMatchObject({ code: 'CONFLICT' });
    expect((await centerOf(center.id)).sandoghAccountNo).toBeNull();
  });

  it('a wrong account record is withdrawn by emptying its fields: number, Sheba and day cleared, audited', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    const recorded = { sandoghAccountNo: '5550001234', sandoghSheba: 'IR050170000000123456789012', sandoghAccountOpenedAt: '2026-11-01' };
    expect((await as('COUNTY_STAFF').post(`Center/records/${center.id}/recordCenterAccount`, recorded)).body.notice?.type).toBe('success');
    expect((await centerOf(center.id)).sandoghAccountNo).toBe('5550001234');
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/recordCenterAccount`, { sandoghAccountNo: '', sandoghSheba: '', sandoghAccountOpenedAt: '' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await centerOf(center.id)).toMatchObject({ sandoghAccountNo: null, sandoghSheba: null, sandoghAccountOpenedAt: null });
    expect(await auditsOf(center.id)).toEqual(['center.recordAccount', 'center.recordAccount']);
  });

  it('the chair may not: no button, refused, nothing written', async () => {
    const id = panel.world.centers.home.id;
    const before = await centerOf(id);
    expect(actionsOn((await as('CHAIR').get(`Center/records/${id}/show`)).body)).not.toContain('recordCenterAccount');
    expect(refused(await as('CHAIR').post(`Center/records/${id}/recordCenterAccount`, { areaKind: 'ADVANTAGED' }))).toBe(true);
    expect(await centerOf(id)).toMatchObject({ areaKind: before.areaKind, updatedAt: before.updatedAt });
  });
});

describe("a volunteer's profile (updateVolunteer)", () => {
  it.each(['COUNTY_STAFF', 'CHAIR'] as const)('%s keeps skills (one a line) and notes; audited', async (role) => {
    const volunteer = await createVolunteer(panel.database.db, { centerId: panel.world.centers.home.id });
    const r = await as(role).post(`Volunteer/records/${volunteer.id}/updateVolunteer`, { skills: 'حسابداری\nرانندگی، آشپزی', note: 'عصرها', serviceForService: 'true' });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await panel.database.db.volunteer.findUniqueOrThrow({ where: { id: volunteer.id } })).toMatchObject({ skills: ['حسابداری', 'رانندگی', 'آشپزی'], note: 'عصرها', serviceForService: true });
    expect(await auditsOf(volunteer.id)).toEqual(['volunteer.update']);
    const form = (await as(role).get(`Volunteer/records/${volunteer.id}/updateVolunteer`)).body.data?.form as { values: Record<string, string> };
    expect(form.values).toMatchObject({ skills: 'حسابداری\nرانندگی\nآشپزی', serviceForService: 'true' });
    // The note emptied in the form is cleared; the skills, not sent, are kept.
    expect((await as(role).post(`Volunteer/records/${volunteer.id}/updateVolunteer`, { note: '' })).body.notice?.type).toBe('success');
    expect(await panel.database.db.volunteer.findUniqueOrThrow({ where: { id: volunteer.id } })).toMatchObject({ skills: ['حسابداری', 'رانندگی', 'آشپزی'], note: null });
  });

  it('the auditor and the finance officer may not; the plain edit is gone for everyone', async () => {
    const volunteer = await createVolunteer(panel.database.db, { centerId: panel.world.centers.home.id });
    for (const role of ['AUDITOR', 'FINANCE'] as const) expect(refused(await as(role).post(`Volunteer/records/${volunteer.id}/updateVolunteer`, { note: 'x' })), role).toBe(true);
    expect(refused(await as('COUNTY_STAFF').post(`Volunteer/records/${volunteer.id}/edit`, { note: 'x' }))).toBe(true);
    expect(await panel.database.db.volunteer.findUniqueOrThrow({ where: { id: volunteer.id } })).toMatchObject({ note: volunteer.note });
    expect(await auditsOf(volunteer.id)).toEqual([]);
  });
});
