/** Shared by join and leave: the volunteer, the policy check and the network kind. */
import { z } from 'zod';
import { NetworkKind } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadVolunteer } from './scope.ts';

/** The six specialized networks of a center (domain.md, "Networks and mapping"). */
export const networkKind = z.enum(NetworkKind, { message: 'VALIDATION' });

export const networkMembershipInput = z.object({ volunteerId: id, kind: networkKind });

/** The volunteer themself, the center's recruiting officers or county staff; only in a licensed center. */
export async function authorizeMembershipChange(tx: Tx, actor: Actor, volunteerId: string) {
  const { volunteer, scope } = await loadVolunteer(tx, volunteerId);
  authorize(actor, 'network.join', scope);
  if (volunteer.center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
  return volunteer;
}
