import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { broadcastProgress } from './broadcast-progress.ts';
import { cancelBroadcast } from './cancel-broadcast.ts';
import { createBroadcast } from './create-broadcast.ts';
import { listBroadcasts } from './list-broadcasts.ts';
import { previewBroadcast } from './preview-broadcast.ts';

export { BROADCAST_TEMPLATE } from './preview-broadcast.ts';

export function broadcastsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    previewBroadcast,
    createBroadcast,
    broadcastProgress,
    cancelBroadcast,
    listBroadcasts,
  });
}
