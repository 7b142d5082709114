/** The chair or vice-chair record the minutes (صورتجلسه) of a board meeting. */
import { z } from 'zod';
import type { Minutes } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadCenterScope } from './center-scope.ts';
import { instant } from './create-task.ts';

export const recordMinutesInput = z.object({
  centerId: id,
  meetingAt: instant,
  title: text(200),
  location: optionalText(300),
  attendees: optionalText(2000),
  agenda: optionalText(4000),
  decisions: text(10_000),
  fileRef: optionalText(500),
});
export type RecordMinutesInput = z.input<typeof recordMinutesInput>;

export async function recordMinutes(ctx: Ctx, actor: Actor, raw: RecordMinutesInput): Promise<Minutes> {
  const input = parseInput(recordMinutesInput, raw);
  return inTransaction(ctx, async (tx) => {
    const scope = await loadCenterScope(tx, input.centerId);
    authorize(actor, 'minutes.write', scope);
    const minutes = await tx.minutes.create({
      data: {
        centerId: input.centerId,
        meetingAt: input.meetingAt,
        title: input.title,
        location: input.location ?? null,
        attendees: input.attendees ?? null,
        agenda: input.agenda ?? null,
        decisions: input.decisions,
        fileRef: input.fileRef ?? null,
      },
    });
    await audit(tx, actor, { action: 'minutes.record', entity: 'Minutes', entityId: minutes.id, after: minutes });
    return minutes;
  });
}
