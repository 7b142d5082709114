/** Stops a broadcast: messages not yet handed to the messenger are cancelled; sent ones stay sent. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadBroadcastScope, progressOf, type BroadcastProgress } from './broadcast-progress.ts';
import type { Db } from '../../prisma/client.ts';

export const cancelBroadcastInput = z.object({ broadcastId: id });
export type CancelBroadcastInput = z.input<typeof cancelBroadcastInput>;

/** How many messages this call stopped, and the broadcast's progress after it. */
export type CancelledBroadcast = BroadcastProgress & { id: string; cancelledNow: number };

export async function cancelBroadcast(ctx: Ctx, actor: Actor, raw: CancelBroadcastInput): Promise<CancelledBroadcast> {
  const input = parseInput(cancelBroadcastInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { broadcast, scope } = await loadBroadcastScope(tx as unknown as Db, input.broadcastId);
    authorize(actor, 'broadcast.send', scope);
    // A message the sender already claimed (SENDING) may be on its way: it is left to finish.
    const { count } = await tx.outboxMessage.updateMany({
      where: { broadcastId: broadcast.id, status: 'PENDING' },
      data: { status: 'CANCELLED', lastError: 'broadcast cancelled' },
    });
    if (!broadcast.cancelledAt) {
      await tx.broadcast.update({ where: { id: broadcast.id }, data: { cancelledAt: ctx.clock.now() } });
      await audit(tx, actor, { action: 'broadcast.cancel', entity: 'Broadcast', entityId: broadcast.id, after: { cancelledMessages: count } });
    }
    return { id: broadcast.id, cancelledNow: count, ...(await progressOf(tx as unknown as Db, broadcast.id)) };
  });
}
