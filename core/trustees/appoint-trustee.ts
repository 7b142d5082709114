/**
 * Appointments (domain.md, "Appointments"): Imdad issues the chair's and the
 * vice-chair's decree; the chair appoints the other members in coordination
 * with Imdad, so the chair's appointment is an approval request that Imdad
 * staff decide (TRUSTEE_APPOINTMENT) and takes effect only when approved.
 * Imdad staff appointing another role directly is that approval already given.
 */
import { z } from 'zod';
import type { ApprovalRequest } from '../../prisma/generated/client/client.ts';
import { personOf, type Actor } from '../actor.ts';
import type { ApprovalHandler } from '../approvals/registry.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { day, id, parseInput, text } from '../input/schemas.ts';
import { tehranToday } from '../centers/license-transition.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { appointMembership, centerScope, loadMembership, membershipResult, type MembershipResult } from './membership.ts';

export const appointTrusteeInput = z.object({
  membershipId: id,
  /** The decree (حکم): its number and date; the date is today when omitted. */
  decreeNo: text(100),
  decreeDate: day.optional(),
  /** End of the term the decree states, if any. */
  termEndsOn: day.optional(),
});
export type AppointTrusteeInput = z.input<typeof appointTrusteeInput>;

/** The membership, and the approval request when the appointment waits for Imdad (else null). */
export interface TrusteeAppointment {
  membership: MembershipResult;
  approvalRequestId: string | null;
}

/** Roles whose decree only Imdad issues. */
const IMDAD_DECREE_ROLES = new Set(['CHAIR', 'VICE_CHAIR']);

export async function appointTrustee(ctx: Ctx, actor: Actor, raw: AppointTrusteeInput): Promise<TrusteeAppointment> {
  const input = parseInput(appointTrusteeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    const scope = centerScope(m.center);
    const decree = {
      decreeNo: input.decreeNo,
      decreeDate: input.decreeDate ?? tehranToday(ctx.clock.now()),
      termEndsOn: input.termEndsOn,
      appointedById: personOf(actor),
    };
    if (IMDAD_DECREE_ROLES.has(m.role)) {
      authorize(actor, 'trustee.appointMain', scope);
      return { membership: membershipResult(await appointMembership(tx, ctx, actor, m, decree)), approvalRequestId: null };
    }
    if (actor.kind === 'staff') {
      authorize(actor, 'trustee.approve', scope);
      const appointed = await appointMembership(tx, ctx, actor, m, { ...decree, approvedById: personOf(actor) });
      return { membership: membershipResult(appointed), approvalRequestId: null };
    }
    authorize(actor, 'trustee.appointOther', scope);
    if (m.state !== 'VETTING') throw new DomainError('TRUSTEE_NOT_IN_VETTING', { state: m.state });
    const pending = await tx.approvalRequest.findFirst({
      where: { kind: 'TRUSTEE_APPOINTMENT', targetEntity: 'TrusteeMembership', targetId: m.id, state: 'PENDING' },
      select: { id: true },
    });
    if (pending) throw new DomainError('APPROVAL_ALREADY_PENDING');
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'TRUSTEE_APPOINTMENT',
        targetEntity: 'TrusteeMembership',
        targetId: m.id,
        payload: { role: m.role, ...decreePayload(decree) },
        centerId: m.centerId,
        countyId: m.center.countyId,
        deciderStaffRole: 'COUNTY_STAFF',
        requestedById: personOf(actor),
        requestedAt: ctx.clock.now(),
      },
    });
    await audit(tx, actor, {
      action: 'trustee.requestAppointment',
      entity: 'TrusteeMembership',
      entityId: m.id,
      after: { approvalRequestId: request.id, role: m.role },
    });
    return { membership: membershipResult(m), approvalRequestId: request.id };
  });
}

/** The chair's decree as the approval request carries it to Imdad's decision (JSON: days as ISO strings). */
interface DecreePayload {
  decreeNo?: string | null;
  decreeDate?: string | null;
  termEndsOn?: string | null;
}

function decreePayload(d: { decreeNo: string; decreeDate: Date; termEndsOn?: Date | undefined }): DecreePayload {
  return { decreeNo: d.decreeNo, decreeDate: d.decreeDate.toISOString(), termEndsOn: d.termEndsOn?.toISOString() ?? null };
}

async function requestScope(tx: Tx, request: ApprovalRequest) {
  const m = await tx.trusteeMembership.findUnique({ where: { id: request.targetId }, include: { center: true } });
  if (!m) throw new DomainError('NOT_FOUND', {}, 'membership');
  return centerScope(m.center);
}

/** Imdad staff decide the chair's appointment of a member (policy 'trustee.approve'). */
export const trusteeAppointmentHandler: ApprovalHandler = {
  action: 'trustee.approve',
  scope: requestScope,
  async approve(tx, ctx, actor, request) {
    const m = await loadMembership(tx, request.targetId);
    const payload = (request.payload ?? {}) as DecreePayload;
    await appointMembership(tx, ctx, actor, m, {
      decreeNo: payload.decreeNo ?? undefined,
      decreeDate: payload.decreeDate ? new Date(payload.decreeDate) : tehranToday(ctx.clock.now()),
      termEndsOn: payload.termEndsOn ? new Date(payload.termEndsOn) : undefined,
      appointedById: request.requestedById,
      approvedById: personOf(actor),
    });
  },
  async reject(tx, ctx, actor, request, reason) {
    const m = await loadMembership(tx, request.targetId);
    if (m.state !== 'VETTING') throw new DomainError('TRUSTEE_NOT_IN_VETTING', { state: m.state });
    await tx.trusteeMembership.update({
      where: { id: m.id },
      data: { state: 'REJECTED', rejectedAt: ctx.clock.now(), rejectReason: reason },
    });
    await audit(tx, actor, {
      action: 'trustee.reject',
      entity: 'TrusteeMembership',
      entityId: m.id,
      before: { state: m.state },
      after: { state: 'REJECTED', reason },
    });
    await notifyPerson(tx, request.requestedById, {
      template: 'trustee.appointmentRejected',
      params: { role: m.role, reason },
      dedupeKey: `trustee.appointmentRejected:${request.id}`,
    });
  },
};
