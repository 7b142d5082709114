/** Loading a volunteer with the scope the policy needs, read from the database. */
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

/** The plain shape use-cases return (no relations). */
export function volunteerView(v: {
  id: string;
  personId: string;
  centerId: string;
  kind: string;
  state: string;
  skills: string[];
  availability: string | null;
  serviceForService: boolean;
  rejectReason: string | null;
}) {
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
