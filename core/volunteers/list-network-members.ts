/**
 * Current members of one network of a center, for the center's trustees and
 * Imdad staff. Members' mobiles go only to those who coordinate them (the
 * roles that manage networks); others see names only (rule 6: people's
 * details are kept private).
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, can } from '../policy.ts';
import { networkKind } from './network-membership.ts';

export const listNetworkMembersInput = z.object({ centerId: id, kind: networkKind });
export type ListNetworkMembersInput = z.input<typeof listNetworkMembersInput>;

/** A current member of the network; the mobile only for those who coordinate members (else undefined). */
export interface NetworkMember {
  membershipId: string;
  memberType: 'VOLUNTEER' | 'DONOR';
  name: string;
  isCoordinator: boolean;
  joinedAt: Date;
  skills: string[];
  mobile: string | null | undefined;
}

export async function listNetworkMembers(ctx: Ctx, actor: Actor, raw: ListNetworkMembersInput): Promise<NetworkMember[]> {
  const input = parseInput(listNetworkMembersInput, raw);
  const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true } });
  if (!center) throw new DomainError('NOT_FOUND');
  // No licenseState in the scope: reading (and seeing contacts) stays allowed in a suspended center.
  const scope = { centerId: center.id, countyId: center.countyId };
  authorize(actor, 'volunteer.read', scope);
  const showContact = can(actor, 'network.manage', scope);
  const rows = await ctx.db.networkMembership.findMany({
    where: { leftAt: null, network: { centerId: center.id, kind: input.kind } },
    orderBy: { joinedAt: 'asc' },
    include: {
      volunteer: { include: { person: true } },
      donor: { include: { person: true } },
    },
  });
  return rows.map((m) => {
    const person = m.volunteer?.person ?? m.donor?.person ?? null;
    const name = person ? `${person.firstName} ${person.lastName}` : (m.donor?.organizationName ?? '');
    return {
      membershipId: m.id,
      memberType: m.volunteerId ? ('VOLUNTEER' as const) : ('DONOR' as const),
      name,
      isCoordinator: m.isCoordinator,
      joinedAt: m.joinedAt,
      skills: m.volunteer?.skills ?? [],
      mobile: showContact ? (person?.mobile ?? null) : undefined,
    };
  });
}
