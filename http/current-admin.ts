/**
 * Who is logged in to the panel (and so may open the playground when a login is required):
 * AdminJS's `currentAdmin`, rebuilt from the StaffUser row on
 * every request (so a role, scope or membership change applies at once), carrying the core
 * actor every use-case takes: a StaffActor, or for a CENTER_TRUSTEE login the TrusteeActor
 * of its appointed membership.
 */
import type { StaffActor, TrusteeActor } from '../core/actor.ts';
import { trusteeActorsOf } from '../core/trustees/acting-chair.ts';
import type { Db } from '../prisma/client.ts';
import type { StaffRole } from '../prisma/generated/client/client.ts';
import { translator, type Language } from '../messenger/i18n.ts';

export interface CurrentAdmin {
  /** StaffUser id. */
  id: string;
  /** The username (AdminJS shows `email` in the top bar). */
  email: string;
  /** The role's name in the admin's language. */
  title: string;
  role: StaffRole;
  locale: Language;
  actor: StaffActor | TrusteeActor;
  /** AdminJS's CurrentAdmin has an open index signature; ours adds nothing else. */
  [key: string]: unknown;
}

/** The core actor of the admin; throws when AdminJS calls without one (never for a logged-in request). */
export function actorOf(admin: object | undefined | null): StaffActor | TrusteeActor {
  const actor = (admin as { actor?: StaffActor | TrusteeActor } | undefined | null)?.actor;
  if (!actor || (actor.kind !== 'staff' && actor.kind !== 'trustee')) throw new Error('admin panel: no logged-in admin');
  return actor;
}

export type CurrentAdminResult =
  | { ok: true; admin: CurrentAdmin }
  | { ok: false; reason: 'missing' | 'disabled' | 'not-appointed' };

/** The admin of a StaffUser id, or why that user cannot use the panel now. */
export async function loadCurrentAdmin(db: Db, staffUserId: string, locale: Language): Promise<CurrentAdminResult> {
  const user = await db.staffUser.findUnique({
    where: { id: staffUserId },
    select: {
      id: true,
      username: true,
      personId: true,
      role: true,
      active: true,
      provinceId: true,
      countyId: true,
      centerId: true,
      trusteeMembership: { select: { id: true, centerId: true, personId: true, role: true, state: true } },
    },
  });
  if (!user) return { ok: false, reason: 'missing' };
  if (!user.active) return { ok: false, reason: 'disabled' };
  let actor: StaffActor | TrusteeActor;
  if (user.role === 'CENTER_TRUSTEE') {
    const m = user.trusteeMembership;
    // A trustee login acts only through an appointed membership of its own center.
    if (!m || m.state !== 'APPOINTED' || m.centerId !== user.centerId) return { ok: false, reason: 'not-appointed' };
    actor = (await trusteeActorsOf(db, [m], user.id))[0]!;
  } else {
    actor = {
      kind: 'staff',
      staffUserId: user.id,
      personId: user.personId,
      role: user.role,
      provinceId: user.provinceId,
      countyId: user.countyId,
    };
  }
  return {
    ok: true,
    admin: {
      id: user.id,
      email: user.username,
      title: translator(locale)(`admin:roles.${user.role}`),
      role: user.role,
      locale,
      actor,
    },
  };
}
