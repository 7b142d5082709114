/**
 * County staff of the feedback's county take it into review, resolve or
 * dismiss it (with a response); a named sender is told the response.
 */
import { z } from 'zod';
import type { Feedback } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput } from '../input/schemas.ts';
import { notifyChat, notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';

export const handleFeedbackInput = z.object({
  feedbackId: id,
  state: z.enum(['IN_REVIEW', 'RESOLVED', 'DISMISSED'], { message: 'VALIDATION' }),
  response: optionalText(4000),
});
export type HandleFeedbackInput = z.input<typeof handleFeedbackInput>;

/** Where the feedback stands after this step, and the answer given. */
export type HandledFeedback = Pick<Feedback, 'id' | 'state' | 'response' | 'resolvedAt'>;

export async function handleFeedback(ctx: Ctx, actor: Actor, raw: HandleFeedbackInput): Promise<HandledFeedback> {
  const input = parseInput(handleFeedbackInput, raw);
  const closing = input.state !== 'IN_REVIEW';
  if (closing && !input.response) throw new DomainError('REQUIRED', { field: 'response' });
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `feedback:${input.feedbackId}`);
    const fb = await tx.feedback.findUnique({ where: { id: input.feedbackId } });
    if (!fb) throw new DomainError('NOT_FOUND');
    authorize(actor, 'feedback.handle', { countyId: fb.countyId, centerId: fb.centerId });
    if (fb.state === 'RESOLVED' || fb.state === 'DISMISSED') throw new DomainError('FEEDBACK_CLOSED');
    const now = ctx.clock.now();
    const updated = await tx.feedback.update({
      where: { id: fb.id },
      data: {
        state: input.state,
        assignedToId: actor.kind === 'staff' ? actor.staffUserId : fb.assignedToId,
        response: input.response ?? fb.response,
        resolvedAt: closing ? now : null,
      },
    });
    await audit(tx, actor, {
      action: 'feedback.handle',
      entity: 'Feedback',
      entityId: fb.id,
      before: { state: fb.state, response: fb.response },
      after: { state: updated.state, response: updated.response },
    });
    if (closing && !fb.anonymous) {
      const n = { template: 'feedback.answered', params: { response: input.response! }, dedupeKey: `feedback.answered:${fb.id}` };
      if (fb.authorPersonId) await notifyPerson(tx, fb.authorPersonId, n);
      else if (fb.authorChatAccountId) await notifyChat(tx, fb.authorChatAccountId, n);
    }
    return { id: updated.id, state: updated.state, response: updated.response, resolvedAt: updated.resolvedAt };
  });
}
