/** A center's broadcasts, newest first, each with its progress (the panel's list). */
import { z } from 'zod';
import type { Broadcast } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { progressOf, type BroadcastProgress } from './broadcast-progress.ts';

export const listBroadcastsInput = z.object({ centerId: id, take: z.number().int().min(1).max(100).default(20) });
export type ListBroadcastsInput = z.input<typeof listBroadcastsInput>;

/** A broadcast in the panel's list, with its progress. */
export type BroadcastSummary = Pick<Broadcast, 'id' | 'audience' | 'networkId' | 'text' | 'recipientCount' | 'createdAt' | 'notBefore' | 'cancelledAt'> & {
  progress: BroadcastProgress;
};

export async function listBroadcasts(ctx: Ctx, actor: Actor, raw: ListBroadcastsInput): Promise<BroadcastSummary[]> {
  const input = parseInput(listBroadcastsInput, raw);
  const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true } });
  if (!center) throw new DomainError('NOT_FOUND');
  authorize(actor, 'broadcast.send', { centerId: center.id, countyId: center.countyId });
  const rows = await ctx.db.broadcast.findMany({ where: { centerId: center.id }, orderBy: { createdAt: 'desc' }, take: input.take });
  const out: BroadcastSummary[] = [];
  for (const b of rows) {
    out.push({
      id: b.id,
      audience: b.audience,
      networkId: b.networkId,
      text: b.text,
      recipientCount: b.recipientCount,
      createdAt: b.createdAt,
      notBefore: b.notBefore,
      cancelledAt: b.cancelledAt,
      progress: await progressOf(ctx.db, b.id),
    });
  }
  return out;
}
