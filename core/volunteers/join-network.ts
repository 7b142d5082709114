/**
 * An ACTIVE volunteer joins one of the six specialized networks of their
 * center; the Network row is created on first use. Joining again is a no-op;
 * a former member rejoins on the same row (history is in the audit log).
 */
import type { z } from 'zod';
import type { NetworkKind } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { authorizeMembershipChange, networkMembershipInput } from './network-membership.ts';

export const joinNetworkInput = networkMembershipInput;
export type JoinNetworkInput = z.input<typeof joinNetworkInput>;

/** The volunteer's membership of the network. */
export interface JoinedNetwork {
  membershipId: string;
  networkId: string;
  kind: NetworkKind;
  joinedAt: Date;
}

export async function joinNetwork(ctx: Ctx, actor: Actor, raw: JoinNetworkInput): Promise<JoinedNetwork> {
  const input = parseInput(joinNetworkInput, raw);
  return inTransaction(ctx, async (tx) => {
    const volunteer = await authorizeMembershipChange(tx, actor, input.volunteerId);
    if (volunteer.state !== 'ACTIVE') throw new DomainError('VOLUNTEER_NOT_ACTIVE');
    // Two first joins at once must not both create the network.
    await lockKey(tx, `network:${volunteer.centerId}:${input.kind}`);
    let network = await tx.network.findUnique({ where: { centerId_kind: { centerId: volunteer.centerId, kind: input.kind } } });
    if (!network) {
      network = await tx.network.create({ data: { centerId: volunteer.centerId, kind: input.kind } });
      await audit(tx, actor, { action: 'network.create', entity: 'Network', entityId: network.id, after: { centerId: network.centerId, kind: network.kind } });
    }
    const existing = await tx.networkMembership.findUnique({ where: { networkId_volunteerId: { networkId: network.id, volunteerId: volunteer.id } } });
    const view = (m: { id: string; joinedAt: Date }): JoinedNetwork => ({ membershipId: m.id, networkId: network.id, kind: network.kind, joinedAt: m.joinedAt });
    if (existing && !existing.leftAt) return view(existing);
    const now = ctx.clock.now();
    const membership = existing
      ? await tx.networkMembership.update({ where: { id: existing.id }, data: { leftAt: null, joinedAt: now } })
      : await tx.networkMembership.create({ data: { networkId: network.id, volunteerId: volunteer.id, joinedAt: now } });
    await audit(tx, actor, {
      action: 'network.join',
      entity: 'NetworkMembership',
      entityId: membership.id,
      before: existing ? { leftAt: existing.leftAt } : undefined,
      after: { networkId: network.id, volunteerId: volunteer.id, joinedAt: now },
    });
    return view(membership);
  });
}
