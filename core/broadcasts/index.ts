import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { broadcastProgress } from './broadcast-progress.ts';
import { cancelBroadcast } from './cancel-broadcast.ts';
import { createBroadcast } from './create-broadcast.ts';
import { listBroadcasts } from './list-broadcasts.ts';
import { previewBroadcast } from './preview-broadcast.ts';

export { BROADCAST_TEMPLATE } from './preview-broadcast.ts';

export function broadcastsUseCases(ctx: Ctx) {
  return {
    previewBroadcast: (actor: Actor, input: unknown) => previewBroadcast(ctx, actor, input),
    createBroadcast: (actor: Actor, input: unknown) => createBroadcast(ctx, actor, input),
    broadcastProgress: (actor: Actor, input: unknown) => broadcastProgress(ctx, actor, input),
    cancelBroadcast: (actor: Actor, input: unknown) => cancelBroadcast(ctx, actor, input),
    listBroadcasts: (actor: Actor, input: unknown) => listBroadcasts(ctx, actor, input),
  };
}
