/**
 * The panel's state-changing actions over the real HTTP API: approve / reject-with-reason
 * for every approval kind, confirm / reject of reported donations, a trustee's one-time
 * link code, and plain edits under attack (fields outside the whitelist, a suspended
 * center, bad values, passwords). Each works by POST for those allowed, changes nothing
 * on GET, and is refused (changing nothing) for everyone else and for forged ids.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApprovalKind } from '../../prisma/generated/client/client.ts';
import { verifyPassword } from '../../core/security/password.ts';
import { createPanelUser, loginAs } from '../helpers/admin.ts';
import { api, refused, type RoleKey, ROLES, usePanelWorld } from '../helpers/admin-world.ts';
import { createBeneficiary, createCenter, createDistribution, createDonation, clearTrustee, createTrustee, createVolunteer } from '../../fixtures/factories.ts';
import { persianDigits } from '../../messenger/digits.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const actionsOn = (body: { record?: { recordActions?: { name: string }[] } }) => (body.record?.recordActions ?? []).map((a) => a.name);

// ---------------------------------------------------------------------------------------
// Approvals
// ---------------------------------------------------------------------------------------

/** A pending request of the kind in the home center, its target in the state the decision needs. */
async function pendingRequest(kind: ApprovalKind, centerId = panel.world.centers.home.id): Promise<{ requestId: string; targetId: string }> {
  const db = panel.database.db;
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
    case 'DISTRIBUTION_OUT_OF_AREA': {
      // Aid from this center to a household of a sibling center of the same county (rule 8).
      const sibling = centerId === panel.world.centers.home.id ? panel.world.centers.sibling.id : (await createCenter(db, { countyId: center.countyId })).id;
      const beneficiary = await createBeneficiary(db, { centerId: sibling });
      target = { entity: 'Distribution', id: (await createDistribution(db, { centerId, beneficiaryId: beneficiary.id })).id };
      break;
    }
    case 'LICENSE_DECISION':
      // One pending decision per center at a time: a fresh center of the same county each time.
      if (centerId === panel.world.centers.home.id) return pendingRequest(kind, (await createCenter(db, { countyId: center.countyId })).id);
      target = { entity: 'Center', id: centerId, payload: { decision: 'SUSPENDED', reason: 'گزارش بازرسی' } };
      break;
    case 'TRUSTEE_APPOINTMENT':
      target = { entity: 'TrusteeMembership', id: (await createTrustee(db, { centerId, role: 'EMPLOYMENT', state: 'VETTING' })).id };
      await clearTrustee(db, target.id);
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
  // Aid to a household of another center's area: Imdad's office covering both (here one county).
  DISTRIBUTION_OUT_OF_AREA: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
  // The province office decides what the county proposes.
  LICENSE_DECISION: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'],
  TRUSTEE_APPOINTMENT: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
  VOLUNTEER_VETTING: ['PROVINCE_ADMIN', 'COUNTY_STAFF'],
  ARCHIVE_DESTRUCTION: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF'],
};

const requestState = async (id: string) => (await panel.database.db.approvalRequest.findUniqueOrThrow({ where: { id } })).state;

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
    const request = await panel.database.db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ state: 'REJECTED', decisionReason: 'مدارک کامل نیست' });
    expect(await panel.database.db.auditLog.count({ where: { action: 'approval.reject', entityId: requestId } })).toBe(1);
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
    expect(await panel.database.db.donation.findUniqueOrThrow({ where: { id: targetId } })).toMatchObject({ state: 'CONFIRMED', receiptNo: expect.any(Number) });
  });

  it('the chair approves a distribution the fund can pay', async () => {
    await createDonation(panel.database.db, { centerId: panel.world.centers.home.id, state: 'CONFIRMED', amountRial: 50_000_000n });
    const { requestId, targetId } = await pendingRequest('DISTRIBUTION');
    expect((await as('CHAIR').post(`ApprovalRequest/records/${requestId}/approve`)).body.notice?.type).toBe('success');
    expect((await panel.database.db.distribution.findUniqueOrThrow({ where: { id: targetId } })).state).toBe('APPROVED');
  });

  it("the province supervisor approves a county's proposal to suspend a license", async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    const { requestId } = await pendingRequest('LICENSE_DECISION', center.id);
    expect((await as('PROVINCE_SUPERVISOR').post(`ApprovalRequest/records/${requestId}/approve`)).body.notice?.type).toBe('success');
    expect((await panel.database.db.center.findUniqueOrThrow({ where: { id: center.id } })).licenseState).toBe('SUSPENDED');
  });

  it("a forged id: county staff cannot decide another county's request", async () => {
    const { requestId } = await pendingRequest('DISTRIBUTION', panel.world.centers.elsewhere.id);
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
  const state = async (id: string) => panel.database.db.donation.findUniqueOrThrow({ where: { id } });

  it("the center's finance officer confirms by POST (receipt, audit, the donor's message); GET does nothing", async () => {
    const person = await panel.database.db.person.create({ data: { firstName: 'مریم', lastName: 'احمدی' } });
    await panel.database.db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `donor-${person.id}`, personId: person.id } });
    const donor = await panel.database.db.donor.create({ data: { type: 'NATURAL', personId: person.id } });
    const donation = await createDonation(panel.database.db, { centerId: panel.world.centers.home.id, donorId: donor.id });
    const finance = as('FINANCE');
    expect(actionsOn((await finance.get(`Donation/records/${donation.id}/show`)).body)).toEqual(expect.arrayContaining(['confirmDonation', 'rejectDonation']));

    await finance.get(`Donation/records/${donation.id}/confirmDonation`);
    expect((await state(donation.id)).state).toBe('REPORTED');

    const res = await finance.post(`Donation/records/${donation.id}/confirmDonation`);
    expect(res.body.notice?.type).toBe('success');
    expect(res.body.record?.params?.state).toBe('CONFIRMED');
    const confirmed = await state(donation.id);
    expect(confirmed.receiptNo).toEqual(expect.any(Number));
    expect(await panel.database.db.auditLog.count({ where: { action: 'donation.confirm', entityId: donation.id } })).toBe(1);
    expect(await panel.database.db.outboxMessage.count({ where: { template: 'donation.confirmed', chatAccount: { personId: person.id } } })).toBe(1);
    // Once confirmed there is nothing more to decide.
    expect(actionsOn((await finance.get(`Donation/records/${donation.id}/show`)).body)).not.toContain('confirmDonation');
    expect(refused(await finance.post(`Donation/records/${donation.id}/confirmDonation`))).toBe(true);
  });

  it('the chair and the social-work officer cannot confirm; nor can anyone outside the area (forged ids)', async () => {
    const donation = await createDonation(panel.database.db, { centerId: panel.world.centers.home.id });
    expect(actionsOn((await as('CHAIR').get(`Donation/records/${donation.id}/show`)).body)).not.toContain('confirmDonation');
    for (const role of ['CHAIR', 'SOCIAL_WORK', 'AUDITOR', 'PROVINCE_SUPERVISOR'] as const) {
      expect(refused(await as(role).post(`Donation/records/${donation.id}/confirmDonation`)), role).toBe(true);
    }
    const sibling = await createDonation(panel.database.db, { centerId: panel.world.centers.sibling.id });
    const elsewhere = await createDonation(panel.database.db, { centerId: panel.world.centers.elsewhere.id });
    expect(refused(await as('FINANCE').post(`Donation/records/${sibling.id}/confirmDonation`))).toBe(true);
    expect(refused(await as('COUNTY_STAFF').post(`Donation/records/${elsewhere.id}/rejectDonation`, { reason: 'نه' }))).toBe(true);
    for (const d of [donation, sibling, elsewhere]) expect((await state(d.id)).state).toBe('REPORTED');
    // County staff confirm in their own county.
    expect((await as('COUNTY_STAFF').post(`Donation/records/${sibling.id}/confirmDonation`)).body.notice?.type).toBe('success');
  });

  it('rejecting needs a reason, which is kept', async () => {
    const donation = await createDonation(panel.database.db, { centerId: panel.world.centers.home.id });
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
    const membership = await createTrustee(panel.database.db, { centerId: panel.world.centers.home.id, role: 'EMPLOYMENT' });
    const staff = as('COUNTY_STAFF');
    expect(actionsOn((await staff.get(`TrusteeMembership/records/${membership.id}/show`)).body)).toContain('issueLinkCode');
    const codes = () => panel.database.db.trusteeLinkCode.findMany({ where: { membershipId: membership.id }, orderBy: { createdAt: 'asc' } });

    await staff.get(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    expect(await codes()).toEqual([]);

    const first = await staff.post(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    const code = String(first.body.data?.linkCode);
    expect(code).toMatch(/^\d{10}$/);
    // Shown in Persian digits in the (fa) notice.
    expect(first.body.notice?.message).toContain(persianDigits(code));
    const [stored] = await codes();
    expect(stored!.codeHash).toBe(createHash('sha256').update(code).digest('hex'));
    const trail = await panel.database.db.auditLog.findMany({ where: { action: 'trustee.issueLinkCode' } });
    expect(JSON.stringify(trail, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(code);

    await staff.post(`TrusteeMembership/records/${membership.id}/issueLinkCode`);
    const [old, fresh] = await codes();
    expect(old!.revokedAt).not.toBeNull();
    expect(fresh!.revokedAt).toBeNull();
  });

  it('trustees, the supervisor and the auditor cannot issue codes', async () => {
    const membership = await createTrustee(panel.database.db, { centerId: panel.world.centers.home.id, role: 'HEALTH' });
    for (const role of ['CHAIR', 'FINANCE', 'PROVINCE_SUPERVISOR', 'AUDITOR'] as const) {
      expect(actionsOn((await as(role).get(`TrusteeMembership/records/${membership.id}/show`)).body), role).not.toContain('issueLinkCode');
      expect(refused(await as(role).post(`TrusteeMembership/records/${membership.id}/issueLinkCode`)), role).toBe(true);
    }
    expect(await panel.database.db.trusteeLinkCode.count({ where: { membershipId: membership.id } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// Plain edits under attack
// ---------------------------------------------------------------------------------------

describe('plain edits are gone: every write is a core action', () => {
  it("a household cannot be edited, moved or closed through the edit API (core's actions are its one write path)", async () => {
    const id = panel.world.records.Beneficiary.home!;
    const before = await panel.database.db.beneficiary.findUniqueOrThrow({ where: { id } });
    const attack = {
      state: 'CLOSED',
      center: panel.world.centers.elsewhere.id,
      referenceCode: 'B-HACKED',
      headNationalId: '۰۰۸۴۵۷۵۹۴۸',
      phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      membersCount: '80',
    };
    for (const role of ['SOCIAL_WORK', 'CHAIR', 'COUNTY_STAFF', 'PROVINCE_ADMIN'] as const) {
      expect(refused(await as(role).post(`Beneficiary/records/${id}/edit`, attack)), role).toBe(true);
    }
    expect(refused(await as('COUNTY_STAFF').post(`Beneficiary/records/${panel.world.records.Beneficiary.elsewhere!}/edit`, attack))).toBe(true);
    expect(await panel.database.db.beneficiary.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await panel.database.db.auditLog.count({ where: { action: 'admin.edit', entityId: id } })).toBe(0);
  });

  it("the finance officer cannot confirm a donation through the edit API (status=CONFIRMED)", async () => {
    const donation = await createDonation(panel.database.db, { centerId: panel.world.centers.home.id });
    const res = await as('FINANCE').post(`Donation/records/${donation.id}/edit`, { state: 'CONFIRMED', receiptNo: '7' });
    expect(refused(res)).toBe(true);
    expect(await panel.database.db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ state: 'REPORTED', receiptNo: null });
  });
});

describe('staff users (province admin only, through core)', () => {
  it('a new password is stored hashed and ends the user’s sessions; the plain edit is gone', async () => {
    const user = await createPanelUser(panel.database.db, 'COUNTY_STAFF', { countyId: panel.world.countyA });
    const cookie = await loginAs(panel.app, user.username, user.password);
    const admin = as('PROVINCE_ADMIN');
    expect(refused(await admin.post(`StaffUser/records/${user.id}/edit`, { passwordHash: 'scrypt$1$1$1$AAAA$BBBB', active: false }))).toBe(true);
    expect(await panel.database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: expect.not.stringContaining('AAAA'), active: true });

    const short = await admin.post(`StaffUser/records/${user.id}/updateStaffUser`, { newPassword: 'short' });
    expect(short.body.notice?.type).toBe('error');
    expect((short.body as { data?: { error?: { field?: string } } }).data?.error?.field).toBe('newPassword');

    const res = await admin.post(`StaffUser/records/${user.id}/updateStaffUser`, { newPassword: 'تازه-و-بلند-۱۴۰۵' });
    expect(res.body.notice?.type).toBe('success');
    expect(res.res.body).not.toContain('تازه-و-بلند-۱۴۰۵');
    const stored = await panel.database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('تازه-و-بلند-۱۴۰۵', stored.passwordHash)).toBe(true);
    expect(await panel.database.db.adminSession.count({ where: { staffUserId: user.id } })).toBe(0);
    const old = await panel.app.inject({ method: 'GET', url: '/admin/api/resources/Center/actions/list', headers: { cookie } });
    expect(old.statusCode).toBe(303);
    const trail = await panel.database.db.auditLog.findFirstOrThrow({ where: { action: 'staff.update', entityId: user.id }, orderBy: { id: 'desc' } });
    expect(trail.after).toMatchObject({ password: 'changed' });
    expect(JSON.stringify(trail.after)).not.toContain(stored.passwordHash);
  });

  it('deactivating a user ends their sessions', async () => {
    const user = await createPanelUser(panel.database.db, 'AUDITOR', { provinceId: panel.world.provinceId });
    const cookie = await loginAs(panel.app, user.username, user.password);
    const res = await as('PROVINCE_ADMIN').post(`StaffUser/records/${user.id}/updateStaffUser`, { active: 'false' });
    expect(res.body.notice?.type).toBe('success');
    expect((await panel.database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect((await panel.app.inject({ method: 'GET', url: '/admin/api/resources/Center/actions/list', headers: { cookie } })).statusCode).toBe(303);
  });

  it('the province admin gives a county a staff login, which can then log in; no one else may', async () => {
    const payload = { username: 'County.Officer', role: 'COUNTY_STAFF', countyId: panel.world.countyA, firstName: 'مریم', lastName: 'کاظمی', password: 'رمز-بلند-و-تازه-۱۴۰۵' };
    for (const role of ['COUNTY_STAFF', 'PROVINCE_SUPERVISOR', 'CHAIR'] as const) {
      expect(refused(await as(role).post('StaffUser/actions/createStaffUser', payload)), role).toBe(true);
    }
    expect(await panel.database.db.staffUser.count({ where: { username: 'county.officer' } })).toBe(0);
    const res = await as('PROVINCE_ADMIN').post('StaffUser/actions/createStaffUser', payload);
    expect(res.body.notice?.type).toBe('success');
    const user = await panel.database.db.staffUser.findUniqueOrThrow({ where: { username: 'county.officer' }, include: { person: true } });
    expect(user).toMatchObject({ role: 'COUNTY_STAFF', countyId: panel.world.countyA, provinceId: null, mustChangePassword: true, person: { firstName: 'مریم' } });
    expect(await loginAs(panel.app, 'county.officer', 'رمز-بلند-و-تازه-۱۴۰۵')).toBeTruthy();
    expect(await panel.database.db.auditLog.count({ where: { action: 'staff.create', entityId: user.id } })).toBe(1);
  });
});
