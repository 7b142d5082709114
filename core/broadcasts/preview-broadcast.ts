/**
 * What a broadcast would send and to how many, before anything is queued: the
 * panel shows this and asks for confirmation.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { messageText, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { audienceInput, recipientChats, resolveAudience } from './audience.ts';

/** Telegram's limit is 4096 characters; the center's name and a header come on top. */
export const BROADCAST_TEXT_MAX = 3500;
export const BROADCAST_TEMPLATE = 'broadcast.message';

export const previewBroadcastInput = z.object({ audience: audienceInput, text: messageText(BROADCAST_TEXT_MAX) });
export type PreviewBroadcastInput = z.input<typeof previewBroadcastInput>;

/** What the broadcast would send, and to how many. */
export interface BroadcastPreview {
  /** Messages that will be queued (one per chat). */
  recipientCount: number;
  people: number;
  /** People of the audience the bot cannot reach (no chat, or they blocked it). */
  peopleWithoutChat: number;
  /** Render with the notifications namespace, as the sender will (messenger/notification-render.ts). */
  message: { template: string; params: { center: string; text: string } };
}

export async function previewBroadcast(ctx: Ctx, actor: Actor, raw: PreviewBroadcastInput): Promise<BroadcastPreview> {
  const input = parseInput(previewBroadcastInput, raw);
  const resolved = await resolveAudience(ctx.db, input.audience);
  authorize(actor, 'broadcast.send', resolved.scope);
  const chats = await recipientChats(ctx.db, resolved.personIds);
  const reached = new Set(chats.map((c) => c.personId));
  return {
    recipientCount: chats.length,
    people: resolved.personIds.length,
    peopleWithoutChat: resolved.personIds.filter((p) => !reached.has(p)).length,
    message: { template: BROADCAST_TEMPLATE, params: { center: resolved.centerName, text: input.text } },
  };
}
