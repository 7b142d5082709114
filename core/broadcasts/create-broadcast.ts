/**
 * Queues a broadcast: one OutboxMessage per recipient chat, in the same
 * transaction as the Broadcast row and its audit entry, delivered later by the
 * outbox sender within the messengers' limits. The form's idempotency key
 * makes a double submission return the first broadcast instead of sending twice.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { messageText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { instant } from '../work/create-task.ts';
import { audienceInput, recipientChats, resolveAudience } from './audience.ts';
import { BROADCAST_TEMPLATE, BROADCAST_TEXT_MAX } from './preview-broadcast.ts';

export const createBroadcastInput = z.object({
  audience: audienceInput,
  text: messageText(BROADCAST_TEXT_MAX),
  idempotencyKey: z.string({ message: 'VALIDATION' }).min(8, { message: 'VALIDATION' }).max(100, { message: 'VALIDATION' }),
  /** Hold the messages until then (e.g. written at night, sent in the morning). */
  notBefore: instant.optional(),
});
export type CreateBroadcastInput = z.input<typeof createBroadcastInput>;

/** The broadcast queued (or, for a repeated form, the first one), and how many chats it reaches. */
export interface QueuedBroadcast {
  id: string;
  recipientCount: number;
  /** False when the form's key had already queued it. */
  created: boolean;
}

const CHUNK = 1000;

export async function createBroadcast(ctx: Ctx, actor: Actor, raw: CreateBroadcastInput): Promise<QueuedBroadcast> {
  const input = parseInput(createBroadcastInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `broadcast:${input.idempotencyKey}`);
    const existing = await tx.broadcast.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    const resolved = await resolveAudience(tx, input.audience);
    authorize(actor, 'broadcast.send', resolved.scope);
    if (existing) return { id: existing.id, recipientCount: existing.recipientCount, created: false };

    const chats = await recipientChats(tx, resolved.personIds);
    if (chats.length === 0) throw new DomainError('BROADCAST_NO_RECIPIENTS');
    const now = ctx.clock.now();
    const broadcast = await tx.broadcast.create({
      data: {
        audience: resolved.audience,
        centerId: resolved.centerId,
        networkId: resolved.networkId,
        text: input.text,
        recipientCount: chats.length,
        idempotencyKey: input.idempotencyKey,
        notBefore: input.notBefore ?? null,
        createdById: personOf(actor),
        createdAt: now,
      },
    });
    // The text is read from the Broadcast row at send time, not copied into every message.
    const availableAt = input.notBefore && input.notBefore > now ? input.notBefore : now;
    for (let i = 0; i < chats.length; i += CHUNK) {
      await tx.outboxMessage.createMany({
        data: chats.slice(i, i + CHUNK).map((chat) => ({
          chatAccountId: chat.id,
          template: BROADCAST_TEMPLATE,
          params: { center: resolved.centerName },
          broadcastId: broadcast.id,
          dedupeKey: `broadcast:${broadcast.id}:${chat.id}`,
          availableAt,
          createdAt: now,
        })),
        skipDuplicates: true,
      });
    }
    await audit(tx, actor, {
      action: 'broadcast.create',
      entity: 'Broadcast',
      entityId: broadcast.id,
      after: { audience: broadcast.audience, centerId: broadcast.centerId, networkId: broadcast.networkId, recipientCount: chats.length, text: input.text },
    });
    return { id: broadcast.id, recipientCount: chats.length, created: true };
  });
}
