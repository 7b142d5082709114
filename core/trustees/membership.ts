/**
 * What the trustee use-cases share: reading a membership with its center's
 * scope under a lock, and the appointment itself, which for a main role ends
 * the previous holder's appointment in the same transaction (the database
 * allows one APPOINTED holder per main role and center).
 */
import type { Center, TrusteeMembership } from '../../prisma/generated/client/client.ts';
import { isMainRole, type Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notifyPerson } from '../outbox.ts';
import type { Scope } from '../policy.ts';

export type MembershipWithCenter = TrusteeMembership & { center: Center };

export async function loadMembership(tx: Tx, membershipId: string): Promise<MembershipWithCenter> {
  await lockKey(tx, `trustee:${membershipId}`);
  const m = await tx.trusteeMembership.findUnique({ where: { id: membershipId }, include: { center: true } });
  if (!m) throw new DomainError('NOT_FOUND', {}, `membership ${membershipId}`);
  return m;
}

export function centerScope(center: Center): Scope {
  return { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState };
}

/** A membership as the trustee use-cases return it: plain values only. */
export type MembershipResult = Pick<TrusteeMembership, 'id' | 'centerId' | 'personId' | 'role' | 'state' | 'decreeNo' | 'appointedAt' | 'endedAt'>;

export function membershipResult(m: TrusteeMembership): MembershipResult {
  return {
    id: m.id,
    centerId: m.centerId,
    personId: m.personId,
    role: m.role,
    state: m.state,
    decreeNo: m.decreeNo,
    appointedAt: m.appointedAt,
    endedAt: m.endedAt,
  };
}

export interface AppointmentDecree {
  decreeNo?: string | undefined;
  decreeDate?: Date | undefined;
  termEndsOn?: Date | undefined;
  appointedById: string | null;
  approvedById?: string | null;
}

/** Ends an appointment: state, date, reason, audit row and a message to the person. */
export async function endMembership(tx: Tx, ctx: Ctx, actor: Actor, m: TrusteeMembership, reason: string) {
  const ended = await tx.trusteeMembership.update({
    where: { id: m.id },
    data: { state: 'ENDED', endedAt: ctx.clock.now(), endReason: reason },
  });
  await audit(tx, actor, {
    action: 'trustee.end',
    entity: 'TrusteeMembership',
    entityId: m.id,
    before: { state: m.state },
    after: { state: ended.state, endReason: reason },
  });
  await notifyPerson(tx, m.personId, {
    template: 'trustee.ended',
    params: { role: m.role, reason },
    dedupeKey: `trustee.ended:${m.id}`,
  });
  return ended;
}

/** Appointment follows both offices' clearance, each recorded by the staff member who received it. */
export async function requireClearances(tx: Tx, membershipId: string): Promise<void> {
  const cleared = await tx.trusteeClearance.count({ where: { membershipId, outcome: 'CLEARED' } });
  if (cleared < 2) throw new DomainError('TRUSTEE_NOT_CLEARED');
}

/** VETTING → APPOINTED; a main role's current holder is ended first, in this transaction. */
export async function appointMembership(tx: Tx, ctx: Ctx, actor: Actor, m: TrusteeMembership, decree: AppointmentDecree) {
  if (m.state !== 'VETTING') throw new DomainError('TRUSTEE_NOT_IN_VETTING', { state: m.state });
  await requireClearances(tx, m.id);
  if (isMainRole(m.role)) {
    await lockKey(tx, `trustee-role:${m.centerId}:${m.role}`);
    const holder = await tx.trusteeMembership.findFirst({
      where: { centerId: m.centerId, role: m.role, state: 'APPOINTED', id: { not: m.id } },
    });
    if (holder) await endMembership(tx, ctx, actor, holder, 'REPLACED');
  }
  const now = ctx.clock.now();
  const appointed = await tx.trusteeMembership.update({
    where: { id: m.id },
    data: {
      state: 'APPOINTED',
      appointedAt: now,
      decreeNo: decree.decreeNo ?? m.decreeNo,
      decreeDate: decree.decreeDate ?? m.decreeDate,
      termEndsOn: decree.termEndsOn ?? m.termEndsOn,
      appointedById: decree.appointedById,
      approvedById: decree.approvedById ?? null,
    },
  });
  await audit(tx, actor, {
    action: 'trustee.appoint',
    entity: 'TrusteeMembership',
    entityId: m.id,
    before: { state: m.state },
    after: { state: appointed.state, role: appointed.role, decreeNo: appointed.decreeNo, approvedById: appointed.approvedById },
  });
  await notifyPerson(tx, m.personId, {
    template: 'trustee.appointed',
    params: { role: m.role, decreeNo: appointed.decreeNo },
    dedupeKey: `trustee.appointed:${m.id}`,
  });
  return appointed;
}
