/**
 * County staff decide a volunteer's vetting: activate, or reject with a
 * reason. Goes through decide-approval.ts so the request, the volunteer, both
 * audit rows and the notification change in one transaction.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { decideApproval } from '../approvals/decide-approval.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { volunteersApprovalHandlers } from './approval-handlers.ts';
import { loadVolunteer, volunteerView, type VolunteerView } from './scope.ts';

export const vetVolunteerInput = z.object({
  volunteerId: id,
  decision: z.enum(['ACTIVATE', 'REJECT']),
  reason: optionalText(1000),
});
export type VetVolunteerInput = z.input<typeof vetVolunteerInput>;

export async function vetVolunteer(ctx: Ctx, actor: Actor, raw: VetVolunteerInput): Promise<VolunteerView> {
  const input = parseInput(vetVolunteerInput, raw);
  const { scope } = await loadVolunteer(ctx.db, input.volunteerId);
  // Checked here too so a stranger learns nothing about pending requests.
  authorize(actor, 'volunteer.vet', scope);
  const request = await ctx.db.approvalRequest.findFirst({
    where: { kind: 'VOLUNTEER_VETTING', targetEntity: 'Volunteer', targetId: input.volunteerId, state: 'PENDING' },
  });
  if (!request) throw new DomainError('INVALID_STATE', {}, 'volunteer is not in vetting');
  await decideApproval(ctx, volunteersApprovalHandlers, actor, {
    requestId: request.id,
    decision: input.decision === 'ACTIVATE' ? 'APPROVE' : 'REJECT',
    reason: input.reason,
  });
  const { volunteer } = await loadVolunteer(ctx.db, input.volunteerId);
  return volunteerView(volunteer);
}
