/** Actors for tests, backed by real rows (a staff login, an appointed trustee, a donor). */
import type { StaffRole, TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Db } from '../../prisma/client.ts';
import type { DonorActor, StaffActor, TrusteeActor } from '../../core/actor.ts';
import { createDonor, createPerson, createStaffUser, createTrustee } from '../../prisma/seed/factories.ts';

let n = 0;

export async function staffActor(
  db: Db,
  role: Exclude<StaffRole, 'CENTER_TRUSTEE'>,
  scope: { provinceId?: string; countyId?: string } = {},
): Promise<StaffActor> {
  const county = scope.countyId ? await db.county.findUniqueOrThrow({ where: { id: scope.countyId } }) : null;
  const provinceId = scope.provinceId ?? county?.provinceId ?? (await db.province.findFirstOrThrow()).id;
  const user = await createStaffUser(db, {
    role,
    username: `t${process.pid}x${n++}${role.toLowerCase()}`.replaceAll('_', ''),
    ...(role === 'COUNTY_STAFF' ? { countyId: scope.countyId } : { provinceId }),
  });
  return { kind: 'staff', staffUserId: user.id, personId: user.personId, role, provinceId: user.provinceId, countyId: user.countyId };
}

/** An APPOINTED trustee of the center (creates the membership unless one holds the role). */
export async function trusteeActor(db: Db, centerId: string, role: TrusteeRole): Promise<TrusteeActor> {
  const existing = await db.trusteeMembership.findFirst({ where: { centerId, role, state: 'APPOINTED' } });
  const m = existing ?? (await createTrustee(db, { centerId, role }));
  return { kind: 'trustee', personId: m.personId, membershipId: m.id, centerId, role };
}

export async function donorActor(db: Db): Promise<DonorActor & { personId: string }> {
  const person = await createPerson(db);
  const donor = await createDonor(db, { personId: person.id, type: 'NATURAL' });
  return { kind: 'donor', donorId: donor.id, personId: person.id };
}
