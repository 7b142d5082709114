import { z } from 'zod';
import type { Distribution } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const markDistributedInput = z.object({
  distributionId: id,
  /** The need is met by this aid (otherwise it stays open for more). */
  needMet: z.boolean().default(false),
  note: optionalText(1000),
});
export type MarkDistributedInput = z.input<typeof markDistributedInput>;

/**
 * The approved aid reached the household (the vice-chair distributes with the
 * chair). The fund was already charged at approval; this dates the hand-over,
 * which the monthly report counts.
 */
export async function markDistributed(ctx: Ctx, actor: Actor, raw: MarkDistributedInput): Promise<Distribution> {
  const input = parseInput(markDistributedInput, raw);
  return inTransaction(ctx, async (tx) => {
    const d = await tx.distribution.findUnique({ where: { id: input.distributionId }, include: { center: { select: { countyId: true, licenseState: true } } } });
    if (!d) throw new DomainError('NOT_FOUND');
    authorize(actor, 'distribution.create', { centerId: d.centerId, countyId: d.center.countyId, licenseState: d.center.licenseState });
    if (d.state !== 'APPROVED') throw new DomainError('INVALID_STATE');
    const now = ctx.clock.now();
    const done = await tx.distribution.update({
      where: { id: d.id },
      data: { state: 'DISTRIBUTED', distributedAt: now, distributedById: personOf(actor), ...(input.note ? { note: input.note } : {}) },
    });
    if (input.needMet && d.needId)
      await tx.beneficiaryNeed.updateMany({ where: { id: d.needId, state: { in: ['OPEN', 'IN_PROGRESS'] } }, data: { state: 'MET', metAt: now } });
    await audit(tx, actor, {
      action: 'distribution.markDistributed',
      entity: 'Distribution',
      entityId: d.id,
      before: { state: d.state },
      after: { state: done.state, needMet: input.needMet && !!d.needId },
    });
    return done;
  });
}
