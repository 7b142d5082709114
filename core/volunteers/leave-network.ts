/** A volunteer leaves a network: leftAt is set, the row stays (rejoining clears it). */
import type { z } from 'zod';
import type { NetworkKind } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { authorizeMembershipChange, networkMembershipInput } from './network-membership.ts';

export const leaveNetworkInput = networkMembershipInput;
export type LeaveNetworkInput = z.input<typeof leaveNetworkInput>;

/** The membership the volunteer left, and when. */
export interface LeftNetwork {
  membershipId: string;
  kind: NetworkKind;
  leftAt: Date;
}

export async function leaveNetwork(ctx: Ctx, actor: Actor, raw: LeaveNetworkInput): Promise<LeftNetwork> {
  const input = parseInput(leaveNetworkInput, raw);
  return inTransaction(ctx, async (tx) => {
    const volunteer = await authorizeMembershipChange(tx, actor, input.volunteerId);
    const membership = await tx.networkMembership.findFirst({
      where: { volunteerId: volunteer.id, leftAt: null, network: { centerId: volunteer.centerId, kind: input.kind } },
    });
    if (!membership) throw new DomainError('NOT_NETWORK_MEMBER');
    const now = ctx.clock.now();
    await tx.networkMembership.update({ where: { id: membership.id }, data: { leftAt: now, isCoordinator: false } });
    await audit(tx, actor, {
      action: 'network.leave',
      entity: 'NetworkMembership',
      entityId: membership.id,
      before: { leftAt: null, isCoordinator: membership.isCoordinator },
      after: { leftAt: now },
    });
    return { membershipId: membership.id, kind: input.kind, leftAt: now };
  });
}
