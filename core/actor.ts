/**
 * Who is acting. Bot and panel build one of these after authenticating; every
 * use-case takes it and asks the policy (policy.ts) before changing anything.
 */
import type { StaffRole, TrusteeRole } from '../prisma/generated/client/client.ts';

export type StaffActor = {
  kind: 'staff';
  staffUserId: string;
  personId: string;
  role: Exclude<StaffRole, 'CENTER_TRUSTEE'>;
  provinceId?: string | null;
  countyId?: string | null;
};

/** A trustee acting in one membership (from the bot, or a CENTER_TRUSTEE login). */
export type TrusteeActor = {
  kind: 'trustee';
  personId: string;
  membershipId: string;
  centerId: string;
  role: TrusteeRole;
  staffUserId?: string;
  /** A vice-chair whose center has no appointed chair: acts for the chair (core/trustees/acting-chair.ts). */
  actsForChair?: boolean;
};

export type DonorActor = { kind: 'donor'; donorId: string; personId?: string | null; chatAccountId?: string | null };
export type VolunteerActor = { kind: 'volunteer'; personId: string; chatAccountId?: string | null };
/** A person known only by their chat (e.g. registering, or anonymous feedback). */
export type ChatActor = { kind: 'chat'; chatAccountId: string; personId?: string | null };
export type SystemActor = { kind: 'system'; job: string };

export type Actor = StaffActor | TrusteeActor | DonorActor | VolunteerActor | ChatActor | SystemActor;

export const MAIN_TRUSTEE_ROLES = ['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS'] as const;

export function isMainRole(role: TrusteeRole): boolean {
  return (MAIN_TRUSTEE_ROLES as readonly string[]).includes(role);
}

/** The person behind an actor, for "decided by" columns. */
export function personOf(actor: Actor): string | null {
  return 'personId' in actor ? (actor.personId ?? null) : null;
}
