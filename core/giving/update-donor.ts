/**
 * A donor's note, and an organisation's name, reworded by the donor officers of the
 * center that found it or by Imdad operators (what the panel's plain edit used to write,
 * now audited through core). Anonymity has its own use-case (set-donor-anonymity.ts); who
 * the donor is (person, national ID, registration number) is not changed here.
 */
import { z } from 'zod';
import type { Donor } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { clearableText, id, parseInput, text } from '../input/schemas.ts';
import { authorize, type Scope } from '../policy.ts';

export const updateDonorInput = z.object({
  donorId: id,
  /** Emptied, the note is cleared. */
  note: clearableText(1000),
  /** An organisation's (LEGAL donor's) name: it can be reworded, not removed. */
  organizationName: text(200).optional(),
});
export type UpdateDonorInput = z.input<typeof updateDonorInput>;

export async function updateDonor(ctx: Ctx, actor: Actor, raw: UpdateDonorInput): Promise<Donor> {
  const input = parseInput(updateDonorInput, raw);
  return inTransaction(ctx, async (tx) => {
    const donor = await tx.donor.findUnique({ where: { id: input.donorId }, include: { recruitedByCenter: true } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    const c = donor.recruitedByCenter;
    const scope: Scope = { centerId: c?.id, countyId: c?.countyId, licenseState: c?.licenseState };
    authorize(actor, 'donor.update', scope);
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');
    if (input.organizationName !== undefined && donor.type !== 'LEGAL') throw new DomainError('VALIDATION', { field: 'organizationName' });
    const data = {
      ...(input.note !== undefined && input.note !== donor.note ? { note: input.note } : {}),
      ...(input.organizationName !== undefined && input.organizationName !== donor.organizationName ? { organizationName: input.organizationName } : {}),
    };
    if (Object.keys(data).length === 0) return donor;
    const updated = await tx.donor.update({ where: { id: donor.id }, data });
    const before = Object.fromEntries(Object.keys(data).map((k) => [k, donor[k as keyof typeof data]]));
    await audit(tx, actor, { action: 'donor.update', entity: 'Donor', entityId: donor.id, before, after: data });
    return updated;
  });
}
