/**
 * The vice-chair acts for an absent chair (domain.md, the vice-chair's duties): wherever the
 * policy gives a decision to the chair, a vice-chair of a center whose chair seat is empty
 * (no appointed chair: not yet appointed, or the appointment ended) may take it. Absence is
 * read from the board itself, so it starts and stops with the chair's appointment.
 */
import type { TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { TrusteeActor } from '../actor.ts';
import type { Tx } from '../context.ts';

/** Of the given centers, those with no appointed chair now. */
export async function centersWithoutChair(db: Tx, centerIds: readonly string[]): Promise<Set<string>> {
  if (centerIds.length === 0) return new Set();
  const seated = await db.trusteeMembership.findMany({
    where: { centerId: { in: [...new Set(centerIds)] }, role: 'CHAIR', state: 'APPOINTED' },
    select: { centerId: true },
  });
  const withChair = new Set(seated.map((m) => m.centerId));
  return new Set(centerIds.filter((id) => !withChair.has(id)));
}

export interface AppointedMembership {
  id: string;
  personId: string;
  centerId: string;
  role: TrusteeRole;
}

/** The actors of appointed memberships, a vice-chair marked as acting chair where the seat is empty. */
export async function trusteeActorsOf(db: Tx, memberships: readonly AppointedMembership[], staffUserId?: string): Promise<TrusteeActor[]> {
  const vices = memberships.filter((m) => m.role === 'VICE_CHAIR').map((m) => m.centerId);
  const chairless = await centersWithoutChair(db, vices);
  return memberships.map((m) => ({
    kind: 'trustee',
    personId: m.personId,
    membershipId: m.id,
    centerId: m.centerId,
    role: m.role,
    ...(m.role === 'VICE_CHAIR' && chairless.has(m.centerId) ? { actsForChair: true } : {}),
    ...(staffUserId ? { staffUserId } : {}),
  }));
}

/** Who decides in the chair's name now: the appointed chair, else the appointed vice-chair. */
export async function chairDeciders(db: Tx, centerId: string): Promise<string[]> {
  const board = await db.trusteeMembership.findMany({
    where: { centerId, role: { in: ['CHAIR', 'VICE_CHAIR'] }, state: 'APPOINTED' },
    select: { personId: true, role: true },
  });
  const chairs = board.filter((m) => m.role === 'CHAIR');
  return (chairs.length > 0 ? chairs : board).map((m) => m.personId);
}
