/** Loading a volunteer with the scope the policy needs, read from the database. */
import type { Volunteer } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { Scope } from '../policy.ts';

export async function loadVolunteer(tx: Tx, volunteerId: string) {
  const volunteer = await tx.volunteer.findUnique({
    where: { id: volunteerId },
    include: { center: { select: { id: true, countyId: true, licenseState: true } } },
  });
  if (!volunteer) throw new DomainError('NOT_FOUND');
  const scope: Scope = {
    centerId: volunteer.centerId,
    countyId: volunteer.center.countyId,
    licenseState: volunteer.center.licenseState,
    ownerPersonId: volunteer.personId,
  };
  return { volunteer, scope };
}

/** A volunteer record as use-cases return it: plain values, no relations. */
export type VolunteerView = Pick<
  Volunteer,
  'id' | 'personId' | 'centerId' | 'kind' | 'state' | 'skills' | 'availability' | 'serviceForService' | 'rejectReason'
>;

export function volunteerView(v: VolunteerView): VolunteerView {
  return {
    id: v.id,
    personId: v.personId,
    centerId: v.centerId,
    kind: v.kind,
    state: v.state,
    skills: v.skills,
    availability: v.availability,
    serviceForService: v.serviceForService,
    rejectReason: v.rejectReason,
  };
}
