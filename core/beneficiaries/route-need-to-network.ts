import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { beneficiaryScope, loadBeneficiary, needView, type NeedView } from './beneficiary-view.ts';

export const routeNeedToNetworkInput = z.object({ needId: id, networkId: id });
export type RouteNeedToNetworkInput = z.input<typeof routeNeedToNetworkInput>;

/**
 * Hands a need to one of the household's center's specialized networks (legal,
 * housing, …); the network's active volunteers are told, by reference code, category and
 * priority only: nothing that identifies the household.
 * An open need starts being handled; a need already in hand may be re-routed.
 */
export async function routeNeedToNetwork(ctx: Ctx, actor: Actor, raw: RouteNeedToNetworkInput): Promise<NeedView> {
  const input = parseInput(routeNeedToNetworkInput, raw);
  return inTransaction(ctx, async (tx) => {
    const need = await tx.beneficiaryNeed.findUnique({ where: { id: input.needId } });
    if (!need) throw new DomainError('NOT_FOUND');
    const b = await loadBeneficiary(tx, need.beneficiaryId);
    authorize(actor, 'beneficiary.write', beneficiaryScope(b));
    if (b.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    if (need.state !== 'OPEN' && need.state !== 'IN_PROGRESS') throw new DomainError('INVALID_STATE');
    const network = await tx.network.findUnique({ where: { id: input.networkId } });
    if (!network || network.centerId !== b.centerId || !network.active) throw new DomainError('NETWORK_NOT_AVAILABLE');

    const routed = await tx.beneficiaryNeed.update({
      where: { id: need.id },
      data: { state: 'IN_PROGRESS', routedNetworkId: network.id, routedAt: ctx.clock.now() },
    });
    await audit(tx, actor, {
      action: 'beneficiary.routeNeed',
      entity: 'BeneficiaryNeed',
      entityId: need.id,
      before: { state: need.state, routedNetworkId: need.routedNetworkId },
      after: { state: routed.state, routedNetworkId: routed.routedNetworkId },
    });
    // Every active volunteer of the network may take the need up, so all of them hear of it.
    const members = await tx.networkMembership.findMany({
      where: { networkId: network.id, leftAt: null, volunteer: { state: 'ACTIVE' } },
      select: { volunteer: { select: { personId: true } } },
    });
    for (const m of members)
      await notifyPerson(tx, m.volunteer?.personId, {
        template: 'need.routed',
        params: { referenceCode: b.referenceCode, category: need.category, priority: need.priority },
        dedupeKey: `need-routed:${need.id}:${network.id}:${routed.routedAt!.toISOString()}`,
      });
    return needView(routed);
  });
}
