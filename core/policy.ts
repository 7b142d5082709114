/**
 * One authorization policy for bot and panel: actor × action × record scope
 * → allow or deny. Every use-case calls `authorize` before it changes or
 * reveals anything; the panel also uses `can` to hide what is not allowed.
 */
import type { LicenseState, TrusteeRole } from '../prisma/generated/client/client.ts';
import type { Actor, StaffActor, TrusteeActor } from './actor.ts';
import { DomainError } from './errors.ts';

/** Where a record lives; resolved by the use-case from the record itself, never from the caller. */
export interface Scope {
  centerId?: string | null;
  countyId?: string | null;
  /** The center's license state, for the "suspended is read-only" rule. */
  licenseState?: LicenseState | null;
  /** The person the record belongs to (own donations, own tasks). */
  ownerPersonId?: string | null;
  ownerDonorId?: string | null;
}

export type Action =
  | 'staff.bootstrap'
  | 'staff.manage'
  | 'county.create'
  | 'center.read'
  | 'center.apply'
  | 'center.update'
  | 'center.recordAccount'
  | 'license.propose'
  | 'license.decide'
  | 'trustee.read'
  | 'trustee.propose'
  | 'trustee.vet'
  | 'trustee.appointMain'
  | 'trustee.appointOther'
  | 'trustee.approve'
  | 'trustee.end'
  | 'trustee.issueLinkCode'
  | 'trustee.recordConduct'
  | 'volunteer.read'
  | 'volunteer.vet'
  | 'network.manage'
  | 'network.join'
  | 'volunteer.deactivate'
  | 'donor.read'
  | 'donor.register'
  | 'donor.update'
  | 'donor.merge'
  | 'pledge.create'
  | 'pledge.cancel'
  | 'donation.report'
  | 'donation.read'
  | 'donation.confirm'
  | 'donation.reverse'
  | 'statement.import'
  | 'fund.read'
  | 'distribution.create'
  | 'distribution.approve'
  | 'distribution.outOfArea'
  | 'beneficiary.read'
  | 'beneficiary.write'
  | 'beneficiary.identity'
  | 'employment.write'
  | 'task.manage'
  | 'task.work'
  | 'taskTemplate.manage'
  | 'minutes.write'
  | 'archive.write'
  | 'archive.approveDestruction'
  | 'inspection.record'
  | 'feedback.handle'
  | 'report.center'
  | 'report.overview'
  | 'audit.read'
  | 'broadcast.send';

const PROVINCE_WIDE = new Set(['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'AUDITOR']);

/** Is the record inside the staff member's area? (province roles: everywhere; county staff: their county). */
function staffCovers(actor: StaffActor, scope: Scope): boolean {
  if (PROVINCE_WIDE.has(actor.role)) return true;
  return !!actor.countyId && scope.countyId === actor.countyId;
}

type StaffRule = readonly StaffActor['role'][];
type TrusteeRule = readonly TrusteeRole[] | 'any';

interface Rule {
  staff?: StaffRule;
  trustee?: TrusteeRule;
  /** A write: trustees of a suspended (or otherwise unlicensed) center may only read. */
  write?: boolean;
  /** The donor or person the record belongs to may do it. */
  owner?: boolean;
}

const ALL_STAFF: StaffRule = ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF', 'AUDITOR'];
const OPERATORS: StaffRule = ['PROVINCE_ADMIN', 'COUNTY_STAFF'];
const DONOR_OFFICERS: TrusteeRule = ['CHAIR', 'VICE_CHAIR', 'DONORS_MEN', 'DONORS_WOMEN', 'PUBLIC_PARTICIPATION'];
/** Who may see a beneficiary's identity (domain rule 5): never donors, volunteers or other officers. */
const IDENTITY_TRUSTEES: TrusteeRule = ['CHAIR', 'VICE_CHAIR', 'SOCIAL_WORK'];

export const RULES: Record<Action, Rule> = {
  // Only the system (the create-admin command) makes the first province admin.
  'staff.bootstrap': {},
  // Panel logins are given, changed and disabled by the province admin alone.
  'staff.manage': { staff: ['PROVINCE_ADMIN'] },
  // County offices are opened by the province office.
  'county.create': { staff: ['PROVINCE_ADMIN'] },
  'center.read': { staff: ALL_STAFF, trustee: 'any' },
  'center.apply': { staff: OPERATORS },
  'center.update': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR'], write: true },
  // Imdad's own records of a center (the area's kind, the Sandogh account it introduced): its offices only.
  'center.recordAccount': { staff: OPERATORS },
  // County offices watch their centers and propose; the province office, which issues licenses, decides.
  'license.propose': { staff: OPERATORS },
  'license.decide': { staff: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'] },
  'trustee.read': { staff: ALL_STAFF, trustee: 'any' },
  'trustee.propose': { staff: OPERATORS, trustee: ['CHAIR'], write: true },
  'trustee.vet': { staff: OPERATORS },
  // Imdad issues the chair's and vice-chair's decree; the chair appoints the others, Imdad approves.
  'trustee.appointMain': { staff: OPERATORS },
  'trustee.appointOther': { trustee: ['CHAIR'], write: true },
  'trustee.approve': { staff: OPERATORS },
  'trustee.end': { staff: OPERATORS },
  'trustee.issueLinkCode': { staff: OPERATORS },
  // The appointee acknowledges the conduct points themself (in the bot); staff record a signed form.
  'trustee.recordConduct': { staff: OPERATORS },
  'volunteer.read': { staff: ALL_STAFF, trustee: 'any' },
  'volunteer.vet': { staff: OPERATORS },
  'network.manage': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR', 'DONORS_MEN', 'DONORS_WOMEN'], write: true },
  'network.join': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR', 'DONORS_MEN', 'DONORS_WOMEN'], owner: true, write: true },
  'volunteer.deactivate': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR', 'DONORS_MEN', 'DONORS_WOMEN'], owner: true, write: true },
  'donor.read': { staff: ALL_STAFF, trustee: DONOR_OFFICERS, owner: true },
  'donor.register': { staff: OPERATORS, trustee: DONOR_OFFICERS, write: true },
  'donor.update': { staff: OPERATORS, trustee: DONOR_OFFICERS, owner: true, write: true },
  'donor.merge': { staff: OPERATORS },
  'pledge.create': { staff: OPERATORS, trustee: DONOR_OFFICERS, owner: true, write: true },
  'pledge.cancel': { staff: OPERATORS, trustee: DONOR_OFFICERS, owner: true, write: true },
  'donation.report': { staff: OPERATORS, trustee: ['ADMIN_FINANCE', ...DONOR_OFFICERS], owner: true, write: true },
  'donation.read': { staff: ALL_STAFF, trustee: ['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN'], owner: true },
  'donation.confirm': { staff: OPERATORS, trustee: ['ADMIN_FINANCE'], write: true },
  'donation.reverse': { staff: OPERATORS },
  // Uploading the Sandogh account's statement and working its matches: the officer who keeps the
  // account and the chair who answers for it, and the county office. Confirming a match is still
  // 'donation.confirm' (the finance officer, the offices).
  'statement.import': { staff: OPERATORS, trustee: ['CHAIR', 'ADMIN_FINANCE'], write: true },
  'fund.read': { staff: ALL_STAFF, trustee: ['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE'] },
  'distribution.create': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR'], write: true },
  'distribution.approve': { staff: OPERATORS, trustee: ['CHAIR'], write: true },
  // Aid to a household of another center's area (rule 8) is coordinated by Imdad's offices.
  'distribution.outOfArea': { staff: OPERATORS },
  'beneficiary.read': { staff: ALL_STAFF, trustee: 'any' }, // any board member of the center, by reference code only: identity is 'beneficiary.identity'
  'beneficiary.write': { staff: OPERATORS, trustee: IDENTITY_TRUSTEES, write: true },
  'beneficiary.identity': { staff: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF'], trustee: IDENTITY_TRUSTEES },
  'employment.write': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR', 'EMPLOYMENT', 'SOCIAL_WORK'], write: true },
  'task.manage': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR'], write: true },
  'task.work': { staff: OPERATORS, trustee: 'any', write: true },
  // The role duties of every center are the province office's plan, not one county's.
  'taskTemplate.manage': { staff: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR'] },
  'minutes.write': { trustee: ['CHAIR', 'VICE_CHAIR'], write: true },
  'archive.write': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR'], write: true },
  'archive.approveDestruction': { staff: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF'] },
  'inspection.record': { staff: ['PROVINCE_ADMIN', 'PROVINCE_SUPERVISOR', 'COUNTY_STAFF'] },
  'feedback.handle': { staff: OPERATORS },
  'report.center': { staff: ALL_STAFF, trustee: 'any' },
  'report.overview': { staff: ALL_STAFF },
  'audit.read': { staff: ['PROVINCE_ADMIN', 'AUDITOR'] },
  // A message to a center's donors or a network's volunteers: the offices and the officers who keep donors.
  'broadcast.send': { staff: OPERATORS, trustee: ['CHAIR', 'VICE_CHAIR', 'DONORS_MEN', 'DONORS_WOMEN'], write: true },
};

/** A vice-chair acting for an absent chair may do what the chair may. */
function actingForChair(actor: TrusteeActor, rule: TrusteeRule | undefined): boolean {
  return actor.role === 'VICE_CHAIR' && actor.actsForChair === true && Array.isArray(rule) && rule.includes('CHAIR');
}

export type Decision = { allow: true } | { allow: false; code: 'FORBIDDEN' | 'CENTER_READ_ONLY' };

export function decide(actor: Actor, action: Action, scope: Scope = {}): Decision {
  const rule = RULES[action];
  const deny = { allow: false, code: 'FORBIDDEN' } as const;
  switch (actor.kind) {
    case 'system':
      return { allow: true };
    case 'staff':
      return rule.staff?.includes(actor.role) && staffCovers(actor, scope) ? { allow: true } : deny;
    case 'trustee': {
      const roleOk = rule.trustee === 'any' || (rule.trustee?.includes(actor.role) ?? false) || actingForChair(actor, rule.trustee);
      if (!roleOk || !scope.centerId || scope.centerId !== actor.centerId) return deny;
      if (rule.write && scope.licenseState && scope.licenseState !== 'LICENSED') return { allow: false, code: 'CENTER_READ_ONLY' };
      return { allow: true };
    }
    case 'donor':
      return rule.owner && !!scope.ownerDonorId && scope.ownerDonorId === actor.donorId ? { allow: true } : deny;
    case 'volunteer':
    case 'chat':
      return rule.owner && !!actor.personId && scope.ownerPersonId === actor.personId ? { allow: true } : deny;
  }
}

export function can(actor: Actor, action: Action, scope: Scope = {}): boolean {
  return decide(actor, action, scope).allow;
}

/** Throws FORBIDDEN (or CENTER_READ_ONLY) unless allowed. */
export function authorize(actor: Actor, action: Action, scope: Scope = {}): void {
  const d = decide(actor, action, scope);
  if (!d.allow) throw new DomainError(d.code, {}, `${actor.kind} may not ${action}`);
}

/** Field-level rule: a beneficiary's identity fields, or only the reference code. */
export function canSeeBeneficiaryIdentity(actor: Actor, scope: Scope): boolean {
  return can(actor, 'beneficiary.identity', scope);
}
