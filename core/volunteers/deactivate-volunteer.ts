/**
 * An active volunteer stops (by their own wish, or by the center's officers or
 * county staff). They also leave every network, so member lists stay true.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadVolunteer, volunteerView, type VolunteerView } from './scope.ts';

export const deactivateVolunteerInput = z.object({ volunteerId: id, reason: optionalText(1000) });
export type DeactivateVolunteerInput = z.input<typeof deactivateVolunteerInput>;

export async function deactivateVolunteer(ctx: Ctx, actor: Actor, raw: DeactivateVolunteerInput): Promise<VolunteerView> {
  const input = parseInput(deactivateVolunteerInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `volunteer:${input.volunteerId}`);
    const { volunteer, scope } = await loadVolunteer(tx, input.volunteerId);
    authorize(actor, 'volunteer.deactivate', scope);
    if (volunteer.state !== 'ACTIVE') throw new DomainError('VOLUNTEER_NOT_ACTIVE');
    const now = ctx.clock.now();
    const updated = await tx.volunteer.update({
      where: { id: volunteer.id },
      data: { state: 'INACTIVE', deactivatedAt: now, note: input.reason ?? volunteer.note },
    });
    const left = await tx.networkMembership.updateMany({ where: { volunteerId: volunteer.id, leftAt: null }, data: { leftAt: now } });
    await audit(tx, actor, {
      action: 'volunteer.deactivate',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before: { state: volunteer.state },
      after: { state: updated.state, reason: input.reason ?? null, networksLeft: left.count },
    });
    return volunteerView(updated);
  });
}
