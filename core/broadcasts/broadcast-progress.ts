/** How far a broadcast got: sent, failed, still waiting, cancelled (the panel polls this). */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';

export const broadcastProgressInput = z.object({ broadcastId: id });
export type BroadcastProgressInput = z.input<typeof broadcastProgressInput>;

export interface BroadcastProgress {
  total: number;
  /** Queued, or being sent right now. */
  pending: number;
  sent: number;
  /** Gave up (after retries, or the user blocked the bot). */
  failed: number;
  cancelled: number;
  done: boolean;
}

export async function progressOf(db: Db, broadcastId: string): Promise<BroadcastProgress> {
  const groups = await db.outboxMessage.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } });
  const count = (...statuses: string[]) => groups.filter((g) => statuses.includes(g.status)).reduce((s, g) => s + g._count._all, 0);
  const p = { total: count('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'), pending: count('PENDING', 'SENDING'), sent: count('SENT'), failed: count('FAILED'), cancelled: count('CANCELLED') };
  return { ...p, done: p.pending === 0 };
}

/** A broadcast's progress, with when it was made and cancelled. */
export type BroadcastStatus = BroadcastProgress & { id: string; createdAt: Date; cancelledAt: Date | null };

export async function loadBroadcastScope(db: Db, broadcastId: string) {
  const b = await db.broadcast.findUnique({ where: { id: broadcastId }, include: { center: { select: { countyId: true, licenseState: true } } } });
  if (!b) throw new DomainError('NOT_FOUND');
  return { broadcast: b, scope: { centerId: b.centerId, countyId: b.center.countyId } };
}

export async function broadcastProgress(ctx: Ctx, actor: Actor, raw: BroadcastProgressInput): Promise<BroadcastStatus> {
  const input = parseInput(broadcastProgressInput, raw);
  const { broadcast, scope } = await loadBroadcastScope(ctx.db, input.broadcastId);
  // Reading progress is allowed on a suspended center too (no licenseState in the scope).
  authorize(actor, 'broadcast.send', scope);
  return { id: broadcast.id, createdAt: broadcast.createdAt, cancelledAt: broadcast.cancelledAt, ...(await progressOf(ctx.db, broadcast.id)) };
}
