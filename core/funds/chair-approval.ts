/**
 * Asking the chair (or, while the chair seat is empty, the vice-chair acting for the chair)
 * to approve a distribution above the configured amount: one DISTRIBUTION request, and a
 * message to whoever decides it. Made when the distribution is recorded, or -- for aid to a
 * household of another center's area -- once Imdad's office has approved it (out-of-area-approval.ts).
 */
import type { Distribution } from '../../prisma/generated/client/client.ts';
import type { Ctx, Tx } from '../context.ts';
import { notifyPerson } from '../outbox.ts';
import { chairDeciders } from '../trustees/acting-chair.ts';

/** What the approval threshold compares: money paid, or the goods' estimated value (a service: nothing). */
export function distributionValueRial(d: Pick<Distribution, 'kind' | 'amountRial' | 'estimatedValueRial'>): bigint {
  return d.kind === 'CASH' ? (d.amountRial ?? 0n) : d.kind === 'IN_KIND' ? (d.estimatedValueRial ?? 0n) : 0n;
}

export function needsChairApproval(ctx: Ctx, d: Pick<Distribution, 'kind' | 'amountRial' | 'estimatedValueRial'>): boolean {
  return distributionValueRial(d) > ctx.settings.distributionApprovalAboveRial;
}

export async function requestChairApproval(
  tx: Tx,
  ctx: Ctx,
  d: Distribution,
  context: { countyId: string; referenceCode: string; purpose: string; requestedById: string | null },
): Promise<void> {
  const valueRial = distributionValueRial(d);
  const request = await tx.approvalRequest.create({
    data: {
      kind: 'DISTRIBUTION',
      targetEntity: 'Distribution',
      targetId: d.id,
      payload: { fund: d.fund, kind: d.kind, valueRial: valueRial.toString(), purpose: context.purpose },
      centerId: d.centerId,
      countyId: context.countyId,
      deciderTrusteeRole: 'CHAIR',
      requestedById: context.requestedById,
      requestedAt: ctx.clock.now(),
    },
  });
  for (const personId of await chairDeciders(tx, d.centerId))
    await notifyPerson(tx, personId, {
      template: 'distribution.approvalRequested',
      params: { referenceCode: context.referenceCode, fund: d.fund, valueRial: valueRial.toString() },
      dedupeKey: `approval:${request.id}`,
    });
}
