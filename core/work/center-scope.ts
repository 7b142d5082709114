/** A center's scope for the policy, read from the database. */
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';

export async function loadCenterScope(tx: Tx, centerId: string) {
  const center = await tx.center.findUnique({ where: { id: centerId }, select: { id: true, countyId: true, licenseState: true } });
  if (!center) throw new DomainError('NOT_FOUND');
  return { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState };
}
