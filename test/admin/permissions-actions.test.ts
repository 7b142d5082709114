/**
 * The panel's state-changing actions over the real HTTP API: approve / reject-with-reason
 * for every approval kind, confirm / reject of reported donations, a trustee's one-time
 * link code, and plain edits under attack (fields outside the whitelist, a suspended
 * center, bad values, passwords). Each works by POST for those allowed, changes nothing
 * on GET, and is refused (changing nothing) for everyone else and for forged ids.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalKind } from '../../prisma/generated/client/client.ts';
import type { Database } from '../../prisma/client.ts';
import { verifyPassword } from '../../core/security/password.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { api, createAdminWorld, refused, ROLES, type AdminWorld, type RoleKey } from '../helpers/admin-world.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { createBeneficiary, createCenter, createDistribution, createDonation, createTrustee, createVolunteer } from '../../prisma/seed/factories.ts';

let database: Database;
let app: FastifyInstance;
let world: AdminWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestAdmin(database);
  world = await createAdminWorld(database.db, app);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const as = (role: RoleKey) => api(app, world.logins[role]);
const actionsOn = (body: { record?: { recordActions?: { name: string }[] } }) => (body.record?.recordActions ?? []).map((a) => a.name);

// ---------------------------------------------------------------------------------------
// Approvals
// ---------------------------------------------------------------------------------------

/** A pending request of the kind in the home center, its target in the state the decision needs. */
async function pendingRequest(kind: ApprovalKind, centerId = world.centers.home.id): Promise<{ requestId: string; targetId: string }> {
  const db = database.db;
  const center = await db.center.findUniqueOrThrow({ where: { id: centerId } });
  let target: { entity: string; id: string; payload?: Record<string, string> };
  switch (kind) {
    case 'DONATION_CONFIRMATION':
      target = { entity: 'Donation', id: (await createDonation(db, { centerId })).id };
      break;
    case 'DISTRIBUTION': {
      const beneficiary = await createBeneficiary(db, { centerId });
      target = { entity: 'Distribution', id: (await createDistribution(db, { centerId, beneficiaryId: beneficiary.id })).id };
      break;
    }
    case 'LICENSE_DECISION':
      // One pending decision per center at a time: a fresh center of the same county each time.
      if (centerId === world.centers.home.id) return pendingRequest(kind, (await createCenter(db, { countyId: center.countyId })).id);
      target = { entity: 'Center', id: centerId, payload: { decision: 'SUSPENDED', reason: 'گزارش بازرسی' } };
      break;
    case 'TRUSTEE_APPOINTMENT':
      target = { entity: 'TrusteeMembership', id: (await createTrustee(db, { centerId, role: 'EMPLOYMENT', state: 'VETTING' })).id };
      break;
    case 'VOLUNTEER_VETTING':
      target = { entity: 'Volunteer', id: (await createVolunteer(db, { centerId, state: 'VETTING' })).id };
      break;
    case 'ARCHIVE_DESTRUCTION': {
      const doc = await db.archiveDocument.create({ data: { centerId, kind: 'FINANCIAL', title: 'اسناد مالی ۱۳۹۵', state: 'DESTRUCTION_REQUESTED' } });
      target = { entity: 'ArchiveDocument', id: doc.id };
      break;
    }
    default:
      throw new Error(`no fixture for ${kind}`);
  }
  const request = await db.approvalRequest.create({
    data: { kind, targetEntity: target.entity, targetId: target.id, payload: target.payload, centerId, countyId: center.countyId },
  });
  return { requestId: request.id, targetId: target.id };
}

/** Who decides each kind, among the logins under test (core's policy, written out by hand). */
const DECIDERS: Record<Exclude<ApprovalKind, 'DONOR_MERGE'>, readonly RoleKey[]> = {
  // The finance officer of the center, or Imdad operators.
  DONATION_CONFIRMATION: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'FINANCE'],
  // The chair (above the threshold), or Imdad operators.
  DISTRIBUTION: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'],
  // The province office decides what the county proposes.
  LICENSE_DECISION: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'],
  TRUSTEE_APPOINTMENT: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
  VOLUNTEER_VETTING: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
  ARCHIVE_DESTRUCTION: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF'],
};

const requestState = async (id: string) => (await database.db.approvalRequest.findUniqueOrThrow({ where: { id } })).state;

describe.each(Object.entries(DECIDERS) as [Exclude<ApprovalKind, 'DONOR_MERGE'>, readonly RoleKey[]][])('approval %s', (kind, deciders) => {
  it('offers approve / reject to its deciders only; others are refused by API', async () => {
    const { requestId } = await pendingRequest(kind);
    for (const role of ROLES) {
      const show = await as(role).get(`ApprovalRequest/records/${requestId}/show`);
      const offered = actionsOn(show.body);
      expect(offered.includes('approve'), `${role} is offered approve`).toBe(deciders.includes(role));
      expect(offered.includes('reject'), `${role} is offered reject`).toBe(deciders.includes(role));
      if (deciders.includes(role)) continue;
      expect(refused(await as(role).post(`ApprovalRequest/records/${requestId}/approve`)), `${role} approve refused`).toBe(true);
      expect(refused(await as(role).post(`ApprovalRequest/records/${requestId}/reject`, { reason: 'نه' })), `${role} reject refused`).toBe(true);
    }
    expect(await requestState(requestId)).toBe('PENDING');
  });

  it('a decider rejects with a reason by POST; GET and a missing reason change nothing', async () => {
    const { requestId } = await pendingRequest(kind);
    const decider = as(deciders[deciders.length - 1]!);
    const onGet = await decider.get(`ApprovalRequest/records/${requestId}/reject`);
    expect(onGet.body.notice?.type).not.toBe('success');
    expect(await requestState(requestId)).toBe('PENDING');
    const noReason = await decider.post(`ApprovalRequest/records/${requestId}/reject`, { reason: '  ' });
    expect(noReason.body.notice?.type).toBe('error');
    expect(await requestState(requestId)).toBe('PENDING');

    const rejected = await decider.post(`ApprovalRequest/records/${requestId}/reject`, { reason: 'مدارک کامل نیست' });
    expect(rejected.body.notice, JSON.stringify(rejected.body.notice)).toMatchObject({ type: 'success' });
    const request = await database.db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ state: 'REJECTED', decisionReason: 'مدارک کامل نیست' });
    expect(await database.db.auditLog.count({ where: { action: 'approval.reject', entityId: requestId } })).toBe(1);
    // Decided requests offer nothing more.
    expect(actionsOn((await decider.get(`ApprovalRequest/records/${requestId}/show`)).body)).not.toContain('approve');
  });
});

describe('approving', () => {
  it("the finance officer approves a donation's confirmation: the gift gets its receipt", async () => {
    const { requestId, targetId } = await pendingRequest('DONATION_CONFIRMATION');
    const finance = as('FINANCE');
    await finance.get(`ApprovalRequest/records/${requestId}/approve`);
    expect(await requestState(requestId)).toBe('PENDING');
    const res = await finance.post(`ApprovalRequest/records/${requestId}/approve`);
    expect(res.body.notice?.type).toBe('success');
    expect(await requestState(requestId)).toBe('APPROVED');
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: targetId } })).toMatchObject({ state: 'CONFIRMED', receiptNo: expect.any(Number) });
  });

  it('the chair approves a distribution the fund can pay', async () => {
    await createDonation(database.db, { centerId: world.centers.home.id, state: 'CONFIRMED', amountRial: 50_000_000n });
    const { requestId, targetId } = await pendingRequest('DISTRIBUTION');
    expect((await as('CHAIR').post(`ApprovalRequest/records/${requestId}/approve`)).body.notice?.type).toBe('success');
    expect((await database.db.distribution.findUniqueOrThrow({ where: { id: targetId } })).state).toBe('APPROVED');
  });

  it("the province supervisor approves a county's proposal to suspend a license", async () => {
    const center = await createCenter(database.db, { countyId: world.countyA });
    const { requestId } = await pendingRequest('LICENSE_DECISION', center.id);
    expect((await as('PROVINCE_SUPERVISOR').post(`ApprovalRequest/records/${requestId}/approve`)).body.notice?.type).toBe('success');
    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('SUSPENDED');
  });

  it("a forged id: county staff cannot decide another county's request", async () => {
    const { requestId } = await pendingRequest('DISTRIBUTION', world.centers.elsewhere.id);
    const res = await as('COUNTY_STAFF').post(`ApprovalRequest/records/${requestId}/approve`);
    expect(refused(res)).toBe(true);
    expect(res.body.record?.baseError?.type).toBe('NotFoundError');
    expect(await requestState(requestId)).toBe('PENDING');
  });
});

// ---------------------------------------------------------------------------------------
// Reported donations
// ---------------------------------------------------------------------------------------

describe('confirming and rejecting a reported donation', () => {
  const state = async (id: string) => database.db.donation.findUniqueOrThrow({ where: { id } });

  it("the center's finance officer confirms by POST (receipt, audit, the donor's message); GET does nothing", async () => {
    const person = await database.db.person.create({ data: { firstName: 'مریم', lastName: 'احمدی' } });
    await database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `donor-${person.id}`, personId: person.id } });
    const donor = await database.db.donor.create({ data: { type: 'NATURAL', personId: person.id } });
    const donation = await createDonation(database.db, { centerId: world.centers.home.id, donorId: donor.id });
    const finance = as('FINANCE');
    expect(actionsOn((await finance.get(`Donation/records/${donation.id}/show`)).body)).toEqual(expect.arrayContaining(['confirmDonation', 'rejectDonation']));

    await finance.get(`Donation/records/${donation.id}/confirmDonation`);
    expect((await state(donation.id)).state).toBe('REPORTED');

    const res = await finance.post(`Donation/records/${donation.id}/confirmDonation`);
    expect(res.body.notice?.type).toBe('success');
    expect(res.body.record?.params?.state).toBe('CONFIRMED');
    const confirmed = await state(donation.id);
    expect(confirmed.receiptNo).toEqual(expect.any(Number));
    expect(await database.db.auditLog.count({ where: { action: 'donation.confirm', entityId: donation.id } })).toBe(1);
    expect(await database.db.outboxMessage.count({ where: { template: 'donation.confirmed', chatAccount: { personId: person.id } } })).toBe(1);
    // Once confirmed there is nothing more to decide.
    expect(actionsOn((await finance.get(`Donation/records/${donation.id}/show`)).body)).not.toContain('confirmDonation');
    expect(refused(await finance.post(`Donation/records/${donation.id}/confirmDonation`))).toBe(true);
  });

  it('the chair and the social-work officer cannot confirm; nor can anyone outside the area (forged ids)', async () => {
    const donation = await createDonation(database.db, { centerId: world.centers.home.id });
    expect(actionsOn((await as('CHAIR').get(`Donation/records/${donation.id}/show`)).body)).not.toContain('confirmDonation');
    for (const role of ['CHAIR', 'SOCIAL_WORK', 'AUDITOR', 'PROVINCE_SUPERVISOR'] as const) {
      expect(refused(await as(role).post(`Donation/records/${donation.id}/confirmDonation`)), role).toBe(true);
    }
    const sibling = await createDonation(database.db, { centerId: world.centers.sibling.id });
    const elsewhere = await createDonation(database.db, { centerId: world.centers.elsewhere.id });
    expect(refused(await as('FINANCE').post(`Donation/records/${sibling.id}/confirmDonation`))).toBe(true);
    expect(refused(await as('COUNTY_STAFF').post(`Donation/records/${elsewhere.id}/rejectDonation`, { reason: 'نه' }))).toBe(true);
    for (const d of [donation, sibling, elsewhere]) expect((await state(d.id)).state).toBe('REPORTED');
    // County staff confirm in their own county.
    expect((await as('COUNTY_STAFF').post(`Donation/records/${sibling.id}/confirmDonation`)).body.notice?.type).toBe('success');
  });

  it('rejecting needs a reason, which is kept', async () => {
    const donation = await createDonation(database.db, { centerId: world.centers.home.id });
    const finance = as('FINANCE');
    const noReason = await finance.post(`Donation/records/${donation.id}/rejectDonation`, {});
    expect(noReason.body.notice?.type).toBe('error');
    expect((await state(donation.id)).state).toBe('REPORTED');
    await finance.post(`Donation/records/${donation.id}/rejectDonation`, { reason: 'شماره پیگیری در حساب یافت نشد' });
    expect(await state(donation.id)).toMatchObject({ state: 'REJECTED', rejectReason: 'شماره پیگیری در حساب یافت نشد' });
  });

  it('confirming a donation that also waits as a request closes the request too', async () => {
    const { requestId, targetId } = await pendingRequest('DONATION_CONFIRMATION');
    expect((await as('FINANCE').post(`Donation/records/${targetId}/confirmDonation`)).body.notice?.type).toBe('success');
    expect((await state(targetId)).state).toBe('CONFIRMED');
    expect(await requestState(requestId)).toBe('APPROVED');
  });
});

// ---------------------------------------------------------------------------------------
// A trustee's one-time link code
// ---------------------------------------------------------------------------------------

describe("issuing a trustee's chat-link code", () => {
  it('county staff get the code once by POST; only its hash is stored; a new code revokes the old', async () => {
    const membership = await createTrustee(database.db, { centerId: world.centers.home.id, role: 'EMPLOYMENT' });
    const staff = as('COUNTY_STAFF');
    expect(actionsOn((await staff.get(`TrusteeMembership/records/${membership.id}/show`)).body)).toContain('issueLinkCode');
    const codes = () => database.db.trusteeLinkCode.findMany({ where: { membershipId: membership.id }, orderBy: { createdAt: 'asc' } });

    await staff.get(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    expect(await codes()).toEqual([]);

    const first = await staff.post(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    const code = String(first.body.data?.linkCode);
    expect(code).toMatch(/^\d{10}$/);
    // Shown in Persian digits in the (fa) notice.
    expect(first.body.notice?.message).toContain(code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!));
    const [stored] = await codes();
    expect(stored!.codeHash).toBe(createHash('sha256').update(code).digest('hex'));
    const trail = await database.db.auditLog.findMany({ where: { action: 'trustee.issueLinkCode' } });
    expect(JSON.stringify(trail, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(code);

    await staff.post(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    const [old, fresh] = await codes();
    expect(old!.revokedAt).not.toBeNull();
    expect(fresh!.revokedAt).toBeNull();
  });

  it('trustees, the supervisor and the auditor cannot issue codes', async () => {
    const membership = await createTrustee(database.db, { centerId: world.centers.home.id, role: 'HEALTH' });
    for (const role of ['CHAIR', 'FINANCE', 'PROVINCE_SUPERVISOR', 'AUDITOR'] as const) {
      expect(actionsOn((await as(role).get(`TrusteeMembership/records/${membership.id}/show`)).body), role).not.toContain('issueLinkCode');
      expect(refused(await as(role).post(`TrusteeMembership/records/${membership.id}/issueLinkCode`)), role).toBe(true);
    }
    expect(await database.db.trusteeLinkCode.count({ where: { membershipId: membership.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// Plain edits under attack
// ---------------------------------------------------------------------------------------

describe('plain edits write only the whitelist', () => {
  it("the edit API cannot change a state, move a household, or touch what is not whitelisted", async () => {
    const id = world.records.Beneficiary.home!;
    const before = await database.db.beneficiary.findUniqueOrThrow({ where: { id } });
    const res = await as('CHAIR').post(`Beneficiary/records/${id}/edit`, {
      state: 'CLOSED',
      closedAt: '2026-11-01T00:00:00Z',
      center: world.centers.elsewhere.id,
      referenceCode: 'B-HACKED',
      employmentCapabilities: 'آشپزی',
    });
    expect(refused(res)).toBe(false);
    const after = await database.db.beneficiary.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ state: before.state, closedAt: null, centerId: before.centerId, referenceCode: before.referenceCode, employmentCapabilities: 'آشپزی' });
    const trail = await database.db.auditLog.findFirstOrThrow({ where: { action: 'admin.edit', entityId: id }, orderBy: { id: 'desc' } });
    expect(Object.keys(trail.after as object)).toEqual(['employmentCapabilities']);
  });

  it('a forged id of another center or county is not found, and nothing changes', async () => {
    const attempts = [
      ['COUNTY_STAFF', 'Center', world.records.Center.elsewhere!, 'activityArea'],
      ['COUNTY_STAFF', 'Beneficiary', world.records.Beneficiary.elsewhere!, 'employmentCapabilities'],
      ['CHAIR', 'Beneficiary', world.records.Beneficiary.sibling!, 'employmentCapabilities'],
      ['CHAIR', 'TrusteeTask', world.records.TrusteeTask.sibling!, 'description'],
    ] as const;
    for (const [role, resource, id, field] of attempts) {
      const res = await as(role).post(`${resource}/records/${id}/edit`, { [field]: 'جعلی' });
      expect(refused(res), `${role} ${resource}`).toBe(true);
      expect(res.body.record?.baseError?.type).toBe('NotFoundError');
    }
    expect((await database.db.center.findUniqueOrThrow({ where: { id: world.records.Center.elsewhere! } })).activityArea).not.toBe('جعلی');
    expect(await database.db.beneficiary.count({ where: { employmentCapabilities: 'جعلی' } })).toBe(0);
    expect(await database.db.trusteeTask.count({ where: { description: 'جعلی' } })).toBe(0);
  });

  it("county staff cannot set a center's license state or activity code through edit", async () => {
    const center = await createCenter(database.db, { countyId: world.countyA, licenseState: 'APPLIED' });
    await as('COUNTY_STAFF').post(`Center/records/${center.id}/edit`, { licenseState: 'LICENSED', activityCode: 'HACK-1', activityArea: 'بازار' });
    expect(await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).toMatchObject({ licenseState: 'APPLIED', activityCode: null, activityArea: 'بازار' });
  });

  it("the finance officer cannot confirm a donation through the edit API (status=CONFIRMED)", async () => {
    const donation = await createDonation(database.db, { centerId: world.centers.home.id });
    const res = await as('FINANCE').post(`Donation/records/${donation.id}/edit`, { state: 'CONFIRMED', receiptNo: '7' });
    expect(refused(res)).toBe(true);
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ state: 'REPORTED', receiptNo: null });
  });

  it("a suspended center's chair may read but not edit", async () => {
    const center = await createCenter(database.db, { countyId: world.countyA, licenseState: 'SUSPENDED' });
    const chair = await createPanelUser(database.db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' });
    const client = api(app, { user: chair, cookie: await loginAs(app, chair.username, chair.password) });
    expect(refused(await client.get(`Center/records/${center.id}/show`))).toBe(false);
    const res = await client.post(`Center/records/${center.id}/edit`, { activityArea: 'محلهٔ تازه' });
    expect(refused(res)).toBe(true);
    expect(res.body.notice?.message).toBe('فعالیت این مرکز معلق است؛ فقط مشاهده ممکن است.');
    expect((await database.db.center.findUniqueOrThrow({ where: { id: center.id } })).activityArea).toBe(center.activityArea);
  });

  it('values are checked and normalised: a bad national ID is refused, Persian digits are stored as digits', async () => {
    const id = world.records.Beneficiary.home!;
    const social = as('SOCIAL_WORK');
    const bad = await social.post(`Beneficiary/records/${id}/edit`, { headNationalId: '1234567890' });
    expect(bad.body.record?.errors?.headNationalId ?? bad.body.notice).toBeTruthy();
    const before = await database.db.beneficiary.findUniqueOrThrow({ where: { id } });
    expect(before.headNationalId).not.toBe('1234567890');
    await social.post(`Beneficiary/records/${id}/edit`, { headNationalId: '۰۰۸۴۵۷۵۹۴۸', phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷' });
    expect(await database.db.beneficiary.findUniqueOrThrow({ where: { id } })).toMatchObject({ headNationalId: '0084575948', phone: '09121234567' });
  });
});

describe('staff users (province admin only)', () => {
  it('a new password is stored hashed and ends the user’s sessions; the hash cannot be written directly', async () => {
    const user = await createPanelUser(database.db, 'COUNTY_STAFF', { countyId: world.countyA });
    const cookie = await loginAs(app, user.username, user.password);
    const admin = as('PROVINCE_ADMIN');
    await admin.post(`StaffUser/records/${user.id}/edit`, { passwordHash: 'scrypt$1$1$1$AAAA$BBBB' });
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBe('scrypt$1$1$1$AAAA$BBBB');

    const short = await admin.post(`StaffUser/records/${user.id}/edit`, { newPassword: 'short' });
    expect(short.body.record?.errors?.newPassword).toBeTruthy();

    const res = await admin.post(`StaffUser/records/${user.id}/edit`, { newPassword: 'تازه-و-بلند-۱۴۰۵' });
    expect(refused(res)).toBe(false);
    expect(res.res.body).not.toContain('تازه-و-بلند-۱۴۰۵');
    const stored = await database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('تازه-و-بلند-۱۴۰۵', stored.passwordHash)).toBe(true);
    expect(await database.db.adminSession.count({ where: { staffUserId: user.id } })).toBe(0);
    const old = await app.inject({ method: 'GET', url: '/admin/api/resources/Center/actions/list', headers: { cookie } });
    expect(old.statusCode).toBe(303);
    const trail = await database.db.auditLog.findFirstOrThrow({ where: { action: 'admin.edit', entityId: user.id }, orderBy: { id: 'desc' } });
    expect(trail.after).toMatchObject({ password: 'changed' });
    expect(JSON.stringify(trail.after)).not.toContain(stored.passwordHash);
  });

  it('deactivating a user ends their sessions', async () => {
    const user = await createPanelUser(database.db, 'AUDITOR', { provinceId: world.provinceId });
    const cookie = await loginAs(app, user.username, user.password);
    await as('PROVINCE_ADMIN').post(`StaffUser/records/${user.id}/edit`, { active: false });
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/admin/api/resources/Center/actions/list', headers: { cookie } })).statusCode).toBe(303);
  });
});
