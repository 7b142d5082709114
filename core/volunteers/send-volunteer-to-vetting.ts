/**
 * County staff send an applicant to vetting (selection and security offices):
 * the volunteer moves to VETTING and a VOLUNTEER_VETTING approval request is
 * opened, decided later by vet-volunteer.ts through the one approval mechanism.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadVolunteer, volunteerView, type VolunteerView } from './scope.ts';

export const sendVolunteerToVettingInput = z.object({ volunteerId: id });
export type SendVolunteerToVettingInput = z.input<typeof sendVolunteerToVettingInput>;

/** The volunteer now in vetting, and the approval request that decides it. */
export type VolunteerInVetting = VolunteerView & { approvalRequestId: string };

export async function sendVolunteerToVetting(ctx: Ctx, actor: Actor, raw: SendVolunteerToVettingInput): Promise<VolunteerInVetting> {
  const input = parseInput(sendVolunteerToVettingInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `volunteer:${input.volunteerId}`);
    const { volunteer, scope } = await loadVolunteer(tx, input.volunteerId);
    authorize(actor, 'volunteer.vet', scope);
    if (volunteer.state !== 'APPLIED') throw new DomainError('INVALID_STATE');
    const updated = await tx.volunteer.update({
      where: { id: volunteer.id },
      data: { state: 'VETTING', vettingStartedAt: ctx.clock.now() },
    });
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'VOLUNTEER_VETTING',
        targetEntity: 'Volunteer',
        targetId: volunteer.id,
        centerId: volunteer.centerId,
        countyId: scope.countyId,
        deciderStaffRole: 'COUNTY_STAFF',
        requestedById: personOf(actor),
        requestedAt: ctx.clock.now(),
      },
    });
    await audit(tx, actor, {
      action: 'volunteer.sendToVetting',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before: { state: volunteer.state },
      after: { state: updated.state, approvalRequestId: request.id },
    });
    return { ...volunteerView(updated), approvalRequestId: request.id };
  });
}
