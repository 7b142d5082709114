/**
 * The center's officers and Imdad's operators keep a volunteer's profile up to date: what
 * they can do, when they are free, whether they serve in return for help ("service for
 * service"), and a note. Their state changes only through vetting and deactivation.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { normalizeText } from '../input/normalize.ts';
import { clearableText, id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadVolunteer, volunteerView, type VolunteerView } from './scope.ts';

/** Skills typed one per line (or separated by commas, Persian or Latin). */
const skillList = z
  .string()
  .transform((s) => normalizeText(s).split(/[\n,،]+/).map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(text(100)).max(30, { message: 'VALIDATION' }));

export const updateVolunteerInput = z.object({
  volunteerId: id,
  skills: skillList.optional(),
  availability: clearableText(300),
  serviceForService: z.boolean().optional(),
  note: clearableText(1000),
});
export type UpdateVolunteerInput = z.input<typeof updateVolunteerInput>;

export async function updateVolunteer(ctx: Ctx, actor: Actor, raw: UpdateVolunteerInput): Promise<VolunteerView> {
  const input = parseInput(updateVolunteerInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `volunteer:${input.volunteerId}`);
    const { volunteer, scope } = await loadVolunteer(tx, input.volunteerId);
    authorize(actor, 'network.manage', scope);
    const before = { skills: volunteer.skills, availability: volunteer.availability, serviceForService: volunteer.serviceForService, note: volunteer.note };
    const updated = await tx.volunteer.update({
      where: { id: volunteer.id },
      data: {
        skills: input.skills ?? volunteer.skills,
        // Not sent: kept; sent empty: cleared (null).
        availability: input.availability !== undefined ? input.availability : volunteer.availability,
        serviceForService: input.serviceForService ?? volunteer.serviceForService,
        note: input.note !== undefined ? input.note : volunteer.note,
      },
    });
    await audit(tx, actor, {
      action: 'volunteer.update',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before,
      after: { skills: updated.skills, availability: updated.availability, serviceForService: updated.serviceForService, note: updated.note },
    });
    return volunteerView(updated);
  });
}
