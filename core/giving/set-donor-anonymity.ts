/**
 * A donor chooses whether their name may appear among the center's donors or
 * they stay an "anonymous donor" (the default). The bot asks it with each
 * pledge; the choice is the donor's, so it is kept on the donor, not the pledge.
 */
import { z } from 'zod';
import type { Donor } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, type Scope } from '../policy.ts';

export const setDonorAnonymityInput = z.object({
  /** Donors set their own: omitted, it is the acting donor. */
  donorId: id.optional(),
  anonymous: z.boolean({ message: 'VALIDATION' }),
});
export type SetDonorAnonymityInput = z.input<typeof setDonorAnonymityInput>;

export async function setDonorAnonymity(ctx: Ctx, actor: Actor, raw: SetDonorAnonymityInput): Promise<Donor> {
  const input = parseInput(setDonorAnonymityInput, raw);
  const donorId = input.donorId ?? (actor.kind === 'donor' ? actor.donorId : null);
  if (!donorId) throw new DomainError('REQUIRED', { field: 'donorId' });
  return inTransaction(ctx, async (tx) => {
    const donor = await tx.donor.findUnique({ where: { id: donorId }, include: { recruitedByCenter: true } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    const c = donor.recruitedByCenter;
    const scope: Scope = { ownerDonorId: donor.id, centerId: c?.id, countyId: c?.countyId, licenseState: c?.licenseState };
    authorize(actor, 'donor.update', scope);
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');
    if (donor.anonymous === input.anonymous) return donor;
    const updated = await tx.donor.update({ where: { id: donor.id }, data: { anonymous: input.anonymous } });
    await audit(tx, actor, {
      action: 'donor.setAnonymity',
      entity: 'Donor',
      entityId: donor.id,
      before: { anonymous: donor.anonymous },
      after: { anonymous: updated.anonymous },
    });
    return updated;
  });
}
