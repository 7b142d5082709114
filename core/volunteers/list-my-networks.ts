/** The networks a volunteer currently belongs to, in every center they serve. */
import { z } from 'zod';
import type { NetworkKind } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';

export const listMyNetworksInput = z.object({}).default({});
export type ListMyNetworksInput = z.input<typeof listMyNetworksInput>;

/** A network the volunteer is in, at which center. */
export interface MyNetwork {
  membershipId: string;
  networkId: string;
  kind: NetworkKind;
  centerId: string;
  centerName: string;
  isCoordinator: boolean;
  joinedAt: Date;
}

export async function listMyNetworks(ctx: Ctx, actor: Actor, raw?: ListMyNetworksInput): Promise<MyNetwork[]> {
  parseInput(listMyNetworksInput, raw ?? {});
  // Only the volunteer themself: the list is derived from the actor, never from input.
  if ((actor.kind !== 'volunteer' && actor.kind !== 'chat') || !actor.personId) throw new DomainError('FORBIDDEN');
  const rows = await ctx.db.networkMembership.findMany({
    where: { leftAt: null, volunteer: { personId: actor.personId } },
    orderBy: { joinedAt: 'asc' },
    include: { network: { include: { center: { select: { id: true, name: true } } } } },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    networkId: m.networkId,
    kind: m.network.kind,
    centerId: m.network.center.id,
    centerName: m.network.center.name,
    isCoordinator: m.isCoordinator,
    joinedAt: m.joinedAt,
  }));
}
