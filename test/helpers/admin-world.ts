/**
 * A province for the panel's permission tests: two counties (A, B), three centers
 * -- `home` (county A, where the trustee logins sit), `sibling` (county A) and
 * `elsewhere` (county B) -- one record of every panel resource in each place, and a
 * logged-in session for every role under test.
 */
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { Core } from '../../core/index.ts';
import type { Database, Db } from '../../prisma/client.ts';
import type { Center, StaffRole, TrusteeRole } from '../../prisma/generated/client/client.ts';
import {
  createBeneficiary,
  createCenter,
  createCounty,
  createDistribution,
  createDonation,
  createDonor,
  createNeed,
  createNetwork,
  createNetworkMembership,
  createPledge,
  createProvince,
  createStaffUser,
  createTrustee,
  createVolunteer,
} from '../../fixtures/factories.ts';
import { buildTestAdmin, createPanelUser, loginAs, type PanelUser } from './admin.ts';
import { createTestDatabase, openedInBeforeAll } from './db.ts';

/** The logins under test: every staff role, and trustees in three roles of the home center. */
export const ROLES = ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF', 'AUDITOR', 'FINANCE', 'CHAIR', 'SOCIAL_WORK'] as const;
export type RoleKey = (typeof ROLES)[number];

const TRUSTEE_ROLE: Partial<Record<RoleKey, TrusteeRole>> = { FINANCE: 'ADMIN_FINANCE', CHAIR: 'CHAIR', SOCIAL_WORK: 'SOCIAL_WORK' };

export const PLACES = ['home', 'sibling', 'elsewhere'] as const;
export type Place = (typeof PLACES)[number];

/** Which places each login's area covers: province roles all, county staff their county, trustees their center. */
export const REACH: Record<RoleKey, readonly Place[]> = {
  PROVINCE_ADMIN: PLACES,
  PROVINCE_SUPERVISOR: PLACES,
  AUDITOR: PLACES,
  COUNTY_STAFF: ['home', 'sibling'],
  FINANCE: ['home'],
  CHAIR: ['home'],
  SOCIAL_WORK: ['home'],
};

export const RESOURCES = [
  'Province', 'County', 'Center', 'Person', 'TrusteeMembership', 'Volunteer', 'Network', 'NetworkMembership', 'Donor', 'Pledge',
  'Donation', 'Distribution', 'Beneficiary', 'BeneficiaryNeed', 'EmploymentPlan', 'TrusteeTask', 'Feedback', 'ApprovalRequest', 'Inspection', 'StaffUser', 'AuditLog',
  'OutboxMessage', 'TaskTemplate', 'Minutes', 'ArchiveDocument',
] as const;
export type Resource = (typeof RESOURCES)[number];

export interface Login {
  user: PanelUser;
  cookie: string;
}

export interface AdminWorld {
  provinceId: string;
  countyA: string;
  countyB: string;
  centers: Record<Place, Center>;
  logins: Record<RoleKey, Login>;
  /** One record id per resource and place (a place left out has no record of its own). */
  records: Record<Resource, Partial<Record<Place, string>>>;
}

async function placeRecords(db: Db, center: Center, inspectorId: string) {
  const volunteer = await createVolunteer(db, { centerId: center.id });
  const network = await createNetwork(db, { centerId: center.id });
  const networkMembership = await createNetworkMembership(db, { networkId: network.id, volunteerId: volunteer.id });
  const donor = await createDonor(db, { recruitedByCenterId: center.id });
  const pledge = await createPledge(db, { centerId: center.id, donorId: donor.id });
  const donation = await createDonation(db, { centerId: center.id, donorId: donor.id });
  const beneficiary = await createBeneficiary(db, { centerId: center.id });
  const distribution = await createDistribution(db, { centerId: center.id, beneficiaryId: beneficiary.id });
  const need = await createNeed(db, { beneficiaryId: beneficiary.id });
  const plan = await db.employmentPlan.create({ data: { centerId: center.id, beneficiaryId: beneficiary.id, kind: 'HOME_BUSINESS', title: 'خیاطی خانگی' } });
  const task = await db.trusteeTask.create({
    data: { centerId: center.id, assigneeRole: 'VICE_CHAIR', title: 'ترازنامهٔ ماهانه', dueAt: new Date('2026-12-01T08:00:00Z') },
  });
  const feedback = await db.feedback.create({ data: { kind: 'SUGGESTION', countyId: center.countyId, centerId: center.id, body: 'پیشنهاد آزمون' } });
  const approval = await db.approvalRequest.create({
    data: { kind: 'DISTRIBUTION', targetEntity: 'Distribution', targetId: distribution.id, centerId: center.id, countyId: center.countyId, deciderTrusteeRole: 'CHAIR' },
  });
  const inspection = await db.inspection.create({
    data: { centerId: center.id, inspectorId, visitedAt: new Date('2026-11-20T08:00:00Z'), findings: 'بازدید دوره‌ای' },
  });
  const minutes = await db.minutes.create({ data: { centerId: center.id, meetingAt: new Date('2026-11-20T14:00:00Z'), title: 'جلسهٔ آذر', decisions: 'مصوبهٔ آزمون' } });
  const archiveDocument = await db.archiveDocument.create({ data: { centerId: center.id, kind: 'FINANCIAL', title: 'دفتر دریافت‌ها' } });
  return {
    Center: center.id,
    Person: volunteer.personId,
    Volunteer: volunteer.id,
    Network: network.id,
    NetworkMembership: networkMembership.id,
    Donor: donor.id,
    Pledge: pledge.id,
    Donation: donation.id,
    Beneficiary: beneficiary.id,
    BeneficiaryNeed: need.id,
    EmploymentPlan: plan.id,
    Distribution: distribution.id,
    TrusteeTask: task.id,
    Feedback: feedback.id,
    ApprovalRequest: approval.id,
    Inspection: inspection.id,
    Minutes: minutes.id,
    ArchiveDocument: archiveDocument.id,
  };
}

export async function createAdminWorld(db: Db, app: FastifyInstance): Promise<AdminWorld> {
  const province = await createProvince(db);
  const countyA = (await createCounty(db, { provinceId: province.id })).id;
  const countyB = (await createCounty(db, { provinceId: province.id })).id;
  const centers: Record<Place, Center> = {
    home: await createCenter(db, { countyId: countyA }),
    sibling: await createCenter(db, { countyId: countyA }),
    elsewhere: await createCenter(db, { countyId: countyB }),
  };

  const users = {} as Record<RoleKey, PanelUser>;
  for (const role of ROLES) {
    const trusteeRole = TRUSTEE_ROLE[role];
    const staffRole: StaffRole = trusteeRole ? 'CENTER_TRUSTEE' : (role as StaffRole);
    users[role] = await createPanelUser(db, staffRole, {
      ...(trusteeRole ? { centerId: centers.home.id, trusteeRole } : staffRole === 'COUNTY_STAFF' ? { countyId: countyA } : { provinceId: province.id }),
    });
  }

  const inspector = users.PROVINCE_SUPERVISOR.id;
  const byPlace = {
    home: await placeRecords(db, centers.home, inspector),
    sibling: await placeRecords(db, centers.sibling, inspector),
    elsewhere: await placeRecords(db, centers.elsewhere, inspector),
  };
  const siblingChair = await createTrustee(db, { centerId: centers.sibling.id, role: 'CHAIR' });
  const elsewhereChair = await createTrustee(db, { centerId: centers.elsewhere.id, role: 'CHAIR' });
  const financeMembership = users.FINANCE.trusteeMembershipId!;
  const countyBStaff = await createStaffUser(db, { role: 'COUNTY_STAFF', countyId: countyB });
  const auditRow = await db.auditLog.create({ data: { actorType: 'SYSTEM', actorId: 'test', action: 'test.seed', entity: 'Center', entityId: centers.home.id } });
  const chat = await db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `admin-world-${province.id}` } });
  const outbox = await db.outboxMessage.create({ data: { chatAccountId: chat.id, template: 'donation.confirmed' } });

  const pick = <K extends keyof (typeof byPlace)['home']>(k: K) => ({ home: byPlace.home[k], sibling: byPlace.sibling[k], elsewhere: byPlace.elsewhere[k] });
  const records: AdminWorld['records'] = {
    Province: { home: province.id },
    County: { home: countyA, elsewhere: countyB },
    Center: pick('Center'),
    Person: pick('Person'),
    TrusteeMembership: { home: financeMembership, sibling: siblingChair.id, elsewhere: elsewhereChair.id },
    Volunteer: pick('Volunteer'),
    Network: pick('Network'),
    NetworkMembership: pick('NetworkMembership'),
    Donor: pick('Donor'),
    Pledge: pick('Pledge'),
    Donation: pick('Donation'),
    Distribution: pick('Distribution'),
    Beneficiary: pick('Beneficiary'),
    BeneficiaryNeed: pick('BeneficiaryNeed'),
    EmploymentPlan: pick('EmploymentPlan'),
    TrusteeTask: pick('TrusteeTask'),
    Feedback: pick('Feedback'),
    ApprovalRequest: pick('ApprovalRequest'),
    Inspection: pick('Inspection'),
    StaffUser: { home: users.FINANCE.id, elsewhere: countyBStaff.id },
    AuditLog: { home: auditRow.id.toString() },
    OutboxMessage: { home: outbox.id },
    // Province-wide: the role duties every database starts with.
    TaskTemplate: { home: (await db.taskTemplate.findUniqueOrThrow({ where: { code: 'monthly-board-meeting' } })).id },
    Minutes: pick('Minutes'),
    ArchiveDocument: pick('ArchiveDocument'),
  };

  const logins = {} as Record<RoleKey, Login>;
  for (const role of ROLES) logins[role] = { user: users[role], cookie: await loginAs(app, users[role].username, users[role].password) };
  return { provinceId: province.id, countyA, countyB, centers, logins, records };
}

// ---------------------------------------------------------------------------------------
// Requests and what the answers say
// ---------------------------------------------------------------------------------------

export interface ActionBody {
  record?: {
    id?: string;
    params?: Record<string, unknown>;
    baseError?: { type?: string; message?: string } | null;
    errors?: Record<string, { message: string; type?: string }>;
    recordActions?: { name: string }[];
    populated?: Record<string, unknown>;
  };
  records?: { id: string; params: Record<string, unknown>; title?: string; populated?: Record<string, unknown>; recordActions?: { name: string }[] }[];
  notice?: { message: string; type?: string };
  meta?: { total: number };
  data?: Record<string, unknown>;
}

export function api(app: FastifyInstance, login: Login) {
  const send = async (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>): Promise<{ res: LightMyRequestResponse; body: ActionBody }> => {
    const res = await app.inject({ method, url: `/admin/api/resources/${url}`, headers: { cookie: login.cookie }, ...(payload ? { payload } : {}) });
    return { res, body: res.statusCode === 200 ? (res.json() as ActionBody) : {} };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: Record<string, unknown> = {}) => send('POST', url, payload),
  };
}

/** AdminJS answers a refused action with an error notice (forbidden, or not found for a record outside the login's scope). */
export function refused(r: { res: LightMyRequestResponse; body: ActionBody }): boolean {
  if (r.res.statusCode === 403 || r.res.statusCode === 404) return true;
  const type = r.body.record?.baseError?.type;
  return r.res.statusCode === 200 && r.body.notice?.type === 'error' && (type === 'ForbiddenError' || type === 'NotFoundError');
}

/** What a panel test file reads: in hooks and tests (it opens in beforeAll). */
export interface PanelWorld {
  readonly database: Database;
  readonly app: FastifyInstance;
  readonly world: AdminWorld;
}

/**
 * For one test file: a fresh database, the panel over it (Fastify inject, no port) and the
 * world above (three centers, a login of each role), made in beforeAll and closed after the
 * file. A file's own beforeAll, registered after this call, runs after it. `core` makes the
 * panel's core, for a test that stands in for one of its answers.
 */
export function usePanelWorld(core?: (db: Db) => Core): PanelWorld {
  const open = openedInBeforeAll(
    'usePanelWorld: the panel',
    async () => {
      const database = await createTestDatabase();
      const app = await buildTestAdmin(database, core ? { core: core(database.db) } : {});
      return { database, app, world: await createAdminWorld(database.db, app) };
    },
    async ({ app, database }) => {
      await app.close();
      await database.close();
    },
  );
  return {
    get database() { return open().database; },
    get app() { return open().app; },
    get world() { return open().world; },
  };
}
