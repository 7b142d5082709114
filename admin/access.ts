/**
 * Who may see and change what in the admin panel, on top of core's one policy
 * (core/policy.ts): which resources a login may read, over which records (a
 * Prisma `where` the data layer ANDs into every query: list, search, show,
 * edit, delete, bulk, relation pickers, filters), which properties it sees and
 * which it may edit (a whitelist; states change only through actions that call
 * core). Role-level questions ("may a finance officer ever confirm?") are asked
 * here; record-level ones are asked again by core inside each use-case.
 */
import type { Prisma, StaffRole } from '../prisma/generated/client/client.ts';
import type { StaffActor, TrusteeActor } from '../core/actor.ts';
import { can, decide, type Action, type Decision, type Scope } from '../core/policy.ts';

/** Every model the panel shows, by its Prisma model name (= the AdminJS resource id). */
export const ADMIN_RESOURCES = [
  'Province',
  'County',
  'Center',
  'Person',
  'TrusteeMembership',
  'Volunteer',
  'Network',
  'NetworkMembership',
  'Donor',
  'Pledge',
  'Donation',
  'Distribution',
  'Beneficiary',
  'BeneficiaryNeed',
  'EmploymentPlan',
  'TrusteeTask',
  'TaskTemplate',
  'Minutes',
  'ArchiveDocument',
  'Feedback',
  'ApprovalRequest',
  'Inspection',
  'StaffUser',
  'AuditLog',
  'OutboxMessage',
  'Broadcast',
] as const;

export type AdminResource = (typeof ADMIN_RESOURCES)[number];

export function isAdminResource(name: string): name is AdminResource {
  return (ADMIN_RESOURCES as readonly string[]).includes(name);
}

/** Panel logins act as Imdad staff or, for CENTER_TRUSTEE logins, as a trustee of one center. */
export type AdminActor = StaffActor | TrusteeActor;

/** What a login sees, by the reach of its role (the staff user's scope columns). */
export type Area =
  | { kind: 'province' }
  | { kind: 'county'; countyId: string }
  | { kind: 'center'; centerId: string }
  /** A login whose scope is missing (e.g. county staff without a county) sees nothing. */
  | { kind: 'none' };

export function areaOf(actor: AdminActor): Area {
  if (actor.kind === 'trustee') return { kind: 'center', centerId: actor.centerId };
  switch (actor.role) {
    case 'PROVINCE_ADMIN':
    case 'PROVINCE_SUPERVISOR':
      return { kind: 'province' };
    // An auditor is attached to the province or to one county (StaffUser_scope_matches_role).
    case 'AUDITOR':
      return actor.countyId ? { kind: 'county', countyId: actor.countyId } : { kind: 'province' };
    case 'COUNTY_STAFF':
      return actor.countyId ? { kind: 'county', countyId: actor.countyId } : { kind: 'none' };
  }
}

/**
 * May the actor's role do this anywhere in its own area? The policy is asked with a scope
 * inside that area (no license state: a write on a suspended center is refused later, by
 * the record's own scope).
 */
export function roleMay(actor: AdminActor, action: Action): boolean {
  if (actor.kind === 'trustee') return can(actor, action, { centerId: actor.centerId });
  return can(actor, action, { countyId: actor.countyId ?? null });
}

/** The full decision for one record (CENTER_READ_ONLY for a trustee of a suspended center). */
export function decideOn(actor: AdminActor, action: Action, scope: Scope): Decision {
  return decide(actor, action, scope);
}

// ---------------------------------------------------------------------------------------
// Reading: which resources, over which records
// ---------------------------------------------------------------------------------------

type StaffRoleName = Exclude<StaffRole, 'CENTER_TRUSTEE'>;
const EVERY_STAFF_ROLE: readonly StaffRoleName[] = ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF', 'AUDITOR'];

/** A read rule is a policy action, or (for what the domain policy does not cover) a list of staff roles. */
export type ReadRule = { policy: Action } | { staffRoles: readonly StaffRoleName[] };

export const READ_RULES: Record<AdminResource, ReadRule> = {
  Province: { policy: 'center.read' },
  County: { policy: 'center.read' },
  Center: { policy: 'center.read' },
  // Names of the people of the area (trustees, volunteers, officials; donors for donor officers).
  Person: { policy: 'center.read' },
  TrusteeMembership: { policy: 'trustee.read' },
  Volunteer: { policy: 'volunteer.read' },
  Network: { policy: 'volunteer.read' },
  NetworkMembership: { policy: 'volunteer.read' },
  Donor: { policy: 'donor.read' },
  // Pledges are read by those who take them: the donor officers (and staff).
  Pledge: { policy: 'donor.read' },
  Donation: { policy: 'donation.read' },
  // Distributions spend the center's funds: those who may read the funds.
  Distribution: { policy: 'fund.read' },
  // Any board member, by reference code; the identity is a separate, field-level rule.
  Beneficiary: { policy: 'beneficiary.read' },
  // A household's needs and plans: the same readers, by the household's reference code.
  BeneficiaryNeed: { policy: 'beneficiary.read' },
  EmploymentPlan: { policy: 'beneficiary.read' },
  TrusteeTask: { policy: 'report.center' },
  // The role duties are the province's plan for every center: Imdad's staff read it.
  TaskTemplate: { staffRoles: EVERY_STAFF_ROLE },
  // A center's own records: its board and the staff covering it.
  Minutes: { policy: 'report.center' },
  ArchiveDocument: { policy: 'report.center' },
  // Feedback and complaints are routed to Imdad's offices, not to the board they may be about.
  Feedback: { staffRoles: EVERY_STAFF_ROLE },
  ApprovalRequest: { policy: 'report.center' },
  Inspection: { staffRoles: EVERY_STAFF_ROLE },
  // Staff accounts decide who sees what: only the province admin manages them.
  StaffUser: { staffRoles: ['PROVINCE_ADMIN'] },
  AuditLog: { policy: 'audit.read' },
  // The notification queue: operations view for the same roles as the audit log.
  OutboxMessage: { policy: 'audit.read' },
  // Those who may send a center's broadcasts follow their delivery.
  Broadcast: { policy: 'broadcast.send' },
};

export function canList(actor: AdminActor, resource: AdminResource): boolean {
  const rule = READ_RULES[resource];
  if ('policy' in rule) return roleMay(actor, rule.policy);
  return actor.kind === 'staff' && rule.staffRoles.includes(actor.role);
}

/** A Prisma `where` of the resource's model (typed per model in SCOPE_RULES). */
export type ScopeWhere = Readonly<Record<string, unknown>>;

/** Matches no row of any model (every model has an `id`). */
const NOTHING: ScopeWhere = { id: { in: [] } };

interface WhereOf {
  Province: Prisma.ProvinceWhereInput;
  County: Prisma.CountyWhereInput;
  Center: Prisma.CenterWhereInput;
  Person: Prisma.PersonWhereInput;
  TrusteeMembership: Prisma.TrusteeMembershipWhereInput;
  Volunteer: Prisma.VolunteerWhereInput;
  Network: Prisma.NetworkWhereInput;
  NetworkMembership: Prisma.NetworkMembershipWhereInput;
  Donor: Prisma.DonorWhereInput;
  Pledge: Prisma.PledgeWhereInput;
  Donation: Prisma.DonationWhereInput;
  Distribution: Prisma.DistributionWhereInput;
  Beneficiary: Prisma.BeneficiaryWhereInput;
  BeneficiaryNeed: Prisma.BeneficiaryNeedWhereInput;
  EmploymentPlan: Prisma.EmploymentPlanWhereInput;
  TrusteeTask: Prisma.TrusteeTaskWhereInput;
  TaskTemplate: Prisma.TaskTemplateWhereInput;
  Minutes: Prisma.MinutesWhereInput;
  ArchiveDocument: Prisma.ArchiveDocumentWhereInput;
  Feedback: Prisma.FeedbackWhereInput;
  ApprovalRequest: Prisma.ApprovalRequestWhereInput;
  Inspection: Prisma.InspectionWhereInput;
  StaffUser: Prisma.StaffUserWhereInput;
  AuditLog: Prisma.AuditLogWhereInput;
  OutboxMessage: Prisma.OutboxMessageWhereInput;
  Broadcast: Prisma.BroadcastWhereInput;
}

/** A county or a center: the areas that narrow a query (the province sees everything). */
type Narrow = Extract<Area, { kind: 'county' } | { kind: 'center' }>;
type ScopeRule<R extends AdminResource> = (area: Narrow, actor: AdminActor) => WhereOf[R];

/** Where a row of a center-owned model lives: its center, or the center's county. */
function byCenter(area: Narrow): { centerId: string } | { center: { countyId: string } } {
  return area.kind === 'center' ? { centerId: area.centerId } : { center: { countyId: area.countyId } };
}

/** Donors are not tied to one center: a donor belongs to an area it was found in or gave to. */
function donorsOf(area: Narrow): Prisma.DonorWhereInput {
  const center: Prisma.CenterWhereInput = area.kind === 'center' ? { id: area.centerId } : { countyId: area.countyId };
  return {
    OR: [{ recruitedByCenter: { is: center } }, { pledges: { some: { center } } }, { donations: { some: { center } } }],
  };
}

export const SCOPE_RULES: { [R in AdminResource]: ScopeRule<R> } = {
  Province: (a) =>
    a.kind === 'county' ? { counties: { some: { id: a.countyId } } } : { counties: { some: { centers: { some: { id: a.centerId } } } } },
  County: (a) => (a.kind === 'county' ? { id: a.countyId } : { centers: { some: { id: a.centerId } } }),
  Center: (a) => (a.kind === 'county' ? { countyId: a.countyId } : { id: a.centerId }),
  Person: (a, actor) => {
    const center: Prisma.CenterWhereInput = a.kind === 'center' ? { id: a.centerId } : { countyId: a.countyId };
    const people: Prisma.PersonWhereInput[] = [
      { trusteeMemberships: { some: { center } } },
      { volunteers: { some: { center } } },
      // One's own record (a county officer is staff, and may also be a trustee or volunteer).
      { id: actor.personId },
    ];
    if (roleMay(actor, 'donor.read')) people.push({ donor: { is: donorsOf(a) } }, { donorContactFor: { some: donorsOf(a) } });
    return { OR: people };
  },
  TrusteeMembership: byCenter,
  Volunteer: byCenter,
  Network: byCenter,
  NetworkMembership: (a) => ({ network: { is: byCenter(a) } }),
  Donor: donorsOf,
  Pledge: byCenter,
  Donation: byCenter,
  Distribution: byCenter,
  Beneficiary: byCenter,
  BeneficiaryNeed: (a) => ({ beneficiary: { is: byCenter(a) } }),
  EmploymentPlan: byCenter,
  TrusteeTask: byCenter,
  // Not tied to a place: the same templates serve every center of the province.
  TaskTemplate: () => ({}),
  Minutes: byCenter,
  ArchiveDocument: byCenter,
  Feedback: (a) => (a.kind === 'center' ? { centerId: a.centerId } : { countyId: a.countyId }),
  ApprovalRequest: (a) =>
    a.kind === 'center' ? { centerId: a.centerId } : { OR: [{ countyId: a.countyId }, { center: { is: { countyId: a.countyId } } }] },
  Inspection: byCenter,
  StaffUser: (a) =>
    a.kind === 'center' ? { centerId: a.centerId } : { OR: [{ countyId: a.countyId }, { center: { is: { countyId: a.countyId } } }] },
  // The trail and the queue have no place: only province-wide logins read them.
  AuditLog: () => ({ id: { in: [] } }),
  OutboxMessage: () => ({ id: { in: [] } }),
  Broadcast: byCenter,
};

/**
 * Staff people (their mobile numbers) are read only by province-wide logins; elsewhere an
 * official is only a name on what they decided ("confirmed by"): where a readable record
 * points to them, the reference shows the name and nothing else (scoped-resource.ts).
 */
const NAME_ONLY_RULES: Partial<Record<AdminResource, ScopeWhere>> = {
  Person: { staffUsers: { some: {} } } satisfies Prisma.PersonWhereInput,
};

/** Rows of the resource this login sees only as a name in a reference (null: none beyond scopeFilter). */
export function nameOnlyFilter(actor: AdminActor, resource: AdminResource): ScopeWhere | null {
  const rule = NAME_ONLY_RULES[resource];
  const area = areaOf(actor);
  if (!rule || !canList(actor, resource) || area.kind === 'province' || area.kind === 'none') return null;
  return rule;
}

/**
 * The `where` every query of this resource is ANDed with for this login: null when the login
 * sees the whole province, NOTHING when it may not read the resource at all.
 */
export function scopeFilter(actor: AdminActor, resource: AdminResource): ScopeWhere | null {
  if (!canList(actor, resource)) return NOTHING;
  const area = areaOf(actor);
  if (area.kind === 'province') return null;
  if (area.kind === 'none') return NOTHING;
  const rule = SCOPE_RULES[resource] as (area: Narrow, actor: AdminActor) => ScopeWhere;
  return rule(area, actor);
}

// ---------------------------------------------------------------------------------------
// Properties: what is seen, what may be edited
// ---------------------------------------------------------------------------------------

/** A household's identity (domain rule 5); everyone else knows it by reference code. */
export const BENEFICIARY_IDENTITY = ['headName', 'headNationalId', 'headGender', 'phone', 'address', 'imdadCaseNo'] as const;

/** Properties never sent to the browser, for anyone. */
const NEVER_SHOWN: Partial<Record<AdminResource, readonly string[]>> = {
  StaffUser: ['passwordHash'],
  // Technical keys: the idempotency key and the messenger's file id of the receipt photo.
  Donation: ['idempotencyKey', 'receiptFileId'],
  Broadcast: ['idempotencyKey'],
};

/** A property no one sees (nor the audit trail records: a password hash). */
export function isNeverShown(resource: AdminResource, property: string): boolean {
  return NEVER_SHOWN[resource]?.includes(property) ?? false;
}

/** Properties hidden from this login (on top of NEVER_SHOWN). */
export function hiddenProperties(actor: AdminActor, resource: AdminResource): ReadonlySet<string> {
  const hidden = new Set(NEVER_SHOWN[resource] ?? []);
  if (resource === 'Beneficiary' && !roleMay(actor, 'beneficiary.identity')) for (const p of BENEFICIARY_IDENTITY) hidden.add(p);
  // Trustees know people by name and mobile, not by national ID.
  if (resource === 'Person' && actor.kind === 'trustee') hidden.add('nationalId');
  return hidden;
}

/** Of the given properties, those this login may see (list, show, filter, sort, search). */
export function visibleProperties(actor: AdminActor, resource: AdminResource, all: readonly string[]): string[] {
  const hidden = hiddenProperties(actor, resource);
  return all.filter((p) => !hidden.has(p));
}

/**
 * Plain edits the panel allows, per resource: the policy action that must allow it on the
 * record, and the WHITELIST of properties by kind of login. Never a state, a date a state
 * change sets, money of a recorded gift, or a foreign key that moves a record between
 * centers. Everything else changes through actions that call core.
 */
export interface EditRule {
  /** The policy action the record's scope must allow (none: the staff roles below decide alone). */
  action?: Action;
  staff?: readonly string[];
  trustee?: readonly string[];
  /** Only these staff roles (when the policy action is broader than the panel allows). */
  staffRoles?: readonly StaffRoleName[];
}

export const EDIT_RULES: Partial<Record<AdminResource, EditRule>> = {
  // Centers, volunteers and panel logins change only through core actions (updateCenter,
  // recordCenterAccount, updateVolunteer, createStaffUser, updateStaffUser).
  // Donor: none -- anonymity, merges and their undoing go through core (actions/donor.actions.ts).
  // Beneficiary: none -- registered, given needs and plans, closed through core (actions/beneficiary.actions.ts).
};

/** New records the panel creates itself: none, every record is created through a core use-case. */
export const CREATE_RULES: Partial<Record<AdminResource, EditRule>> = {};

function fieldsFor(rule: EditRule | undefined, actor: AdminActor): readonly string[] {
  if (!rule) return [];
  if (rule.staffRoles && !(actor.kind === 'staff' && rule.staffRoles.includes(actor.role))) return [];
  if (rule.action && !roleMay(actor, rule.action)) return [];
  return (actor.kind === 'staff' ? rule.staff : rule.trustee) ?? [];
}

/** The edit whitelist of this login for this resource (empty: no plain edit at all). */
export function editableProperties(actor: AdminActor, resource: AdminResource): readonly string[] {
  return fieldsFor(EDIT_RULES[resource], actor);
}

export function creatableProperties(actor: AdminActor, resource: AdminResource): readonly string[] {
  return fieldsFor(CREATE_RULES[resource], actor);
}

export function canEdit(actor: AdminActor, resource: AdminResource): boolean {
  return editableProperties(actor, resource).length > 0;
}

export function canCreate(actor: AdminActor, resource: AdminResource): boolean {
  return creatableProperties(actor, resource).length > 0;
}

/**
 * Nothing is deleted from the panel: records carry history (donations, decisions, the
 * audit trail); ending, closing and deactivating are states, changed through core.
 */
export function canDelete(_actor: AdminActor, _resource: AdminResource): boolean {
  return false;
}

/** Keeps only the whitelisted keys of a form payload (flattened keys such as `skills.0` included). */
export function whitelistPayload(payload: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (allowed.some((f) => key === f || key.startsWith(`${f}.`))) out[key] = value;
  }
  return out;
}
