/**
 * A board's and a center's people through the panel's own HTTP routes (POST, as the form
 * sends it): each core action runs for every role the policy allows (the database state and
 * the audit row prove the use-case ran), a role it does not allow gets no button and is
 * refused with nothing written, a record of another county is out of reach, and core's
 * refusal arrives as its translated sentence.
 */
import { describe, expect, it } from 'vitest';
import {
  clearTrustee,
  createNetwork,
  createNetworkMembership,
  createTrustee,
  createVolunteer,
  uniqueMobile,
  uniqueNationalId,
} from '../../fixtures/factories.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const db = () => panel.database.db;
const auditCount = (action: string, entityIds: string[]) => db().auditLog.count({ where: { action, entityId: { in: entityIds } } });

interface Case {
  resource: 'TrusteeMembership' | 'Volunteer';
  action: string;
  /** A fresh record of the home center in the state the action needs. */
  setup: (centerId: string) => Promise<string>;
  payload: () => Record<string, string>;
  /** The record's state afterwards, as the use-case leaves it. */
  state: (id: string) => Promise<unknown>;
  before: unknown;
  after: unknown;
  audit: string;
  /** The audited entity's ids (the record itself, or a row the use-case made for it). */
  audited?: (id: string) => Promise<string[]>;
  allowed: RoleKey[];
  denied: RoleKey;
}

const membershipState = async (id: string) => (await db().trusteeMembership.findUniqueOrThrow({ where: { id } })).state;
const volunteerState = async (id: string) => (await db().volunteer.findUniqueOrThrow({ where: { id } })).state;
const candidate = (state: 'PROPOSED' | 'VETTING' | 'APPOINTED', role: 'HEALTH' | 'ORPHANS' = 'HEALTH') => async (centerId: string) =>
  (await createTrustee(db(), { centerId, role, state })).id;

const CASES: Case[] = [
  {
    resource: 'TrusteeMembership', action: 'sendToVetting', setup: candidate('PROPOSED'), payload: () => ({}),
    state: membershipState, before: 'PROPOSED', after: 'VETTING', audit: 'trustee.sendToVetting',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'CHAIR',
  },
  {
    resource: 'TrusteeMembership', action: 'recordClearance', setup: candidate('VETTING'),
    payload: () => ({ office: 'SECURITY', outcome: 'CLEARED', decidedOn: '۲۰۲۶-۱۱-۲۰', note: 'نامهٔ ۴۵' }),
    state: async (id) => (await db().trusteeClearance.findMany({ where: { membershipId: id } })).map((c) => [c.office, c.outcome, c.note]),
    before: [], after: [['SECURITY', 'CLEARED', 'نامهٔ 45']], audit: 'trustee.recordClearance',
    audited: async (id) => (await db().trusteeClearance.findMany({ where: { membershipId: id } })).map((c) => c.id),
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'CHAIR',
  },
  {
    resource: 'TrusteeMembership', action: 'appointTrustee',
    setup: async (centerId) => {
      const id = await candidate('VETTING')(centerId);
      await clearTrustee(db(), id);
      return id;
    },
    payload: () => ({ decreeNo: '۱۲/ح', decreeDate: '2026-11-25' }),
    state: async (id) => {
      const m = await db().trusteeMembership.findUniqueOrThrow({ where: { id } });
      return [m.state, m.decreeNo, m.decreeDate?.toISOString().slice(0, 10) ?? null];
    },
    before: ['VETTING', null, null], after: ['APPOINTED', '12/ح', '2026-11-25'], audit: 'trustee.appoint',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'PROVINCE_SUPERVISOR',
  },
  {
    resource: 'TrusteeMembership', action: 'requestAppointment', setup: candidate('VETTING', 'ORPHANS'), payload: () => ({ decreeNo: '۳' }),
    state: (id) => db().approvalRequest.count({ where: { targetId: id, kind: 'TRUSTEE_APPOINTMENT', state: 'PENDING' } }),
    before: 0, after: 1, audit: 'trustee.requestAppointment',
    allowed: ['CHAIR'], denied: 'FINANCE',
  },
  {
    resource: 'TrusteeMembership', action: 'acknowledgeConduct', setup: candidate('APPOINTED'), payload: () => ({}),
    state: async (id) => (await db().trusteeMembership.findUniqueOrThrow({ where: { id } })).conductAcknowledgedAt !== null,
    before: false, after: true, audit: 'trustee.acknowledgeConduct',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'AUDITOR',
  },
  {
    resource: 'TrusteeMembership', action: 'endAppointment', setup: candidate('APPOINTED'), payload: () => ({ reason: 'استعفا' }),
    state: membershipState, before: 'APPOINTED', after: 'ENDED', audit: 'trustee.end',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'CHAIR',
  },
  {
    resource: 'Volunteer', action: 'sendVolunteerToVetting', setup: async (centerId) => (await createVolunteer(db(), { centerId, state: 'APPLIED' })).id,
    payload: () => ({}), state: volunteerState, before: 'APPLIED', after: 'VETTING', audit: 'volunteer.sendToVetting',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'CHAIR',
  },
  {
    resource: 'Volunteer', action: 'vetVolunteer', setup: volunteerInVetting,
    payload: () => ({ decision: 'ACTIVATE' }), state: volunteerState, before: 'VETTING', after: 'ACTIVE', audit: 'volunteer.activate',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF'], denied: 'SOCIAL_WORK',
  },
  {
    resource: 'Volunteer', action: 'deactivateVolunteer', setup: async (centerId) => (await createVolunteer(db(), { centerId })).id,
    payload: () => ({ reason: 'نقل مکان' }), state: volunteerState, before: 'ACTIVE', after: 'INACTIVE', audit: 'volunteer.deactivate',
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'], denied: 'FINANCE',
  },
  {
    resource: 'Volunteer', action: 'joinNetwork', setup: async (centerId) => (await createVolunteer(db(), { centerId })).id,
    payload: () => ({ kind: 'LEGAL_SERVICES' }),
    state: (id) => db().networkMembership.count({ where: { volunteerId: id, leftAt: null, network: { kind: 'LEGAL_SERVICES' } } }),
    before: 0, after: 1, audit: 'network.join',
    audited: async (id) => (await db().networkMembership.findMany({ where: { volunteerId: id } })).map((m) => m.id),
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'], denied: 'AUDITOR',
  },
  {
    resource: 'Volunteer', action: 'leaveNetwork',
    setup: async (centerId) => {
      const v = await createVolunteer(db(), { centerId });
      const network = (await db().network.findFirst({ where: { centerId, kind: 'HOUSING_CONSTRUCTION' } })) ?? (await createNetwork(db(), { centerId, kind: 'HOUSING_CONSTRUCTION' }));
      await createNetworkMembership(db(), { networkId: network.id, volunteerId: v.id });
      return v.id;
    },
    payload: () => ({ kind: 'HOUSING_CONSTRUCTION' }),
    state: (id) => db().networkMembership.count({ where: { volunteerId: id, leftAt: null } }),
    before: 1, after: 0, audit: 'network.leave',
    audited: async (id) => (await db().networkMembership.findMany({ where: { volunteerId: id } })).map((m) => m.id),
    allowed: ['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'], denied: 'SOCIAL_WORK',
  },
];

/** A volunteer in VETTING with its pending request, as sendVolunteerToVetting leaves it. */
async function volunteerInVetting(centerId: string): Promise<string> {
  const v = await createVolunteer(db(), { centerId, state: 'VETTING' });
  const center = await db().center.findUniqueOrThrow({ where: { id: centerId } });
  await db().approvalRequest.create({
    data: { kind: 'VOLUNTEER_VETTING', targetEntity: 'Volunteer', targetId: v.id, centerId, countyId: center.countyId, deciderStaffRole: 'COUNTY_STAFF' },
  });
  return v.id;
}

describe.each(CASES)('$resource $action', (c) => {
  const audited = (id: string) => (c.audited ? c.audited(id) : Promise.resolve([id]));

  it.each(c.allowed)('%s: the button shows, the POST runs the use-case and audits it', async (role) => {
    const id = await c.setup(panel.world.centers.home.id);
    const shown = await as(role).get(`${c.resource}/records/${id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name)).toContain(c.action);
    const r = await as(role).post(`${c.resource}/records/${id}/${c.action}`, c.payload());
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await c.state(id)).toEqual(c.after);
    expect(await auditCount(c.audit, await audited(id))).toBe(1);
  });

  it(`${c.denied}: no button, the POST is refused and writes nothing`, async () => {
    const id = await c.setup(panel.world.centers.home.id);
    const shown = await as(c.denied).get(`${c.resource}/records/${id}/show`);
    expect(shown.body.record?.recordActions?.map((a) => a.name) ?? []).not.toContain(c.action);
    const r = await as(c.denied).post(`${c.resource}/records/${id}/${c.action}`, c.payload());
    expect(refused(r) || r.body.notice?.type === 'error').toBe(true);
    expect(await c.state(id)).toEqual(c.before);
    expect(await auditCount(c.audit, await audited(id))).toBe(0);
  });

  it("county staff cannot reach another county's record: refused, nothing written", async () => {
    const id = await c.setup(panel.world.centers.elsewhere.id);
    const r = await as('COUNTY_STAFF').post(`${c.resource}/records/${id}/${c.action}`, c.payload());
    expect(refused(r)).toBe(true);
    expect(await c.state(id)).toEqual(c.before);
  });
});

describe('proposing a trustee', () => {
  const typed = () => ({ centerId: panel.world.centers.home.id, role: 'HOUSING', firstName: 'علي', lastName: 'رضايي', nationalId: uniqueNationalId(), mobile: uniqueMobile() });

  it.each(['PROVINCE_ADMIN', 'COUNTY_STAFF', 'CHAIR'] as const)('%s proposes a new person: PROPOSED, audited', async (role) => {
    const person = typed();
    const r = await as(role).post('TrusteeMembership/actions/proposeTrustee', person);
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    const m = await db().trusteeMembership.findFirstOrThrow({ where: { person: { nationalId: person.nationalId } }, include: { person: true } });
    expect(m).toMatchObject({ state: 'PROPOSED', role: 'HOUSING', centerId: panel.world.centers.home.id, person: { firstName: 'علی', lastName: 'رضایی' } });
    expect(await auditCount('trustee.propose', [m.id])).toBe(1);
  });

  it('the supervisor proposes none; county staff none in another county: refused, nothing written', async () => {
    const person = typed();
    expect(refused(await as('PROVINCE_SUPERVISOR').post('TrusteeMembership/actions/proposeTrustee', person))).toBe(true);
    const other = await as('COUNTY_STAFF').post('TrusteeMembership/actions/proposeTrustee', { ...person, centerId: panel.world.centers.elsewhere.id });
    expect(other.body.notice).toMatchObject({ type: 'error', message: 'شما اجازهٔ این کار را ندارید.' });
    expect(await db().person.count({ where: { nationalId: person.nationalId } })).toBe(0);
  });
});

describe("core's refusals, in words", () => {
  it('a rejected volunteer needs a reason: the form says so, nothing written; with it the rejection is kept', async () => {
    const id = await volunteerInVetting(panel.world.centers.home.id);
    const r = await as('COUNTY_STAFF').post(`Volunteer/records/${id}/vetVolunteer`, { decision: 'REJECT' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'این مورد را باید وارد کنید.' });
    expect(await volunteerState(id)).toBe('VETTING');
    const ok = await as('COUNTY_STAFF').post(`Volunteer/records/${id}/vetVolunteer`, { decision: 'REJECT', reason: 'مدارک ناقص' });
    expect(ok.body.notice?.type, ok.body.notice?.message).toBe('success');
    expect(await db().volunteer.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'REJECTED', rejectReason: 'مدارک ناقص' });
  });

  it('appointing before both offices cleared is refused in words; nothing written', async () => {
    const id = await candidate('VETTING')(panel.world.centers.home.id);
    const r = await as('COUNTY_STAFF').post(`TrusteeMembership/records/${id}/appointTrustee`, { decreeNo: '۹' });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'هنوز تأیید هر دو واحد گزینش و حراست برای این نامزد ثبت نشده است.' });
    expect(await membershipState(id)).toBe('VETTING');
  });
});

describe("a candidate's page", () => {
  it("shows each office's answer as recorded: outcome, its day, who recorded it and the note", async () => {
    const id = await candidate('VETTING')(panel.world.centers.home.id);
    await as('COUNTY_STAFF').post(`TrusteeMembership/records/${id}/recordClearance`, { office: 'SELECTION', outcome: 'CLEARED', decidedOn: '2026-11-21', note: 'نامهٔ ۷' });
    const shown = await as('COUNTY_STAFF').get(`TrusteeMembership/records/${id}/show`);
    const staff = await db().person.findUniqueOrThrow({ where: { id: panel.world.logins.COUNTY_STAFF.user.personId } });
    expect(shown.body.record?.params?.clearances).toBe(`گزینش: تأیید شد — ۳۰ آبان ۱۴۰۵ — ${staff.firstName} ${staff.lastName} — نامهٔ 7`);
  });
});
