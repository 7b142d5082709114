/**
 * Anyone sends a suggestion, criticism, complaint, praise or success story
 * (rule 6), about a center or to a county office. It is routed to the
 * center's county. Anonymous feedback stores no person and no chat, and its
 * audit row does not name the sender either.
 */
import { z } from 'zod';
import { FeedbackKind, type Feedback } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, text } from '../input/schemas.ts';

export const feedbackKind = z.enum(FeedbackKind, { message: 'VALIDATION' });

export const submitFeedbackInput = z.object({
  kind: feedbackKind,
  body: text(4000),
  centerId: id.optional(),
  /** Only when the feedback is about no particular center. */
  countyId: id.optional(),
  anonymous: z.boolean().default(false),
});
export type SubmitFeedbackInput = z.input<typeof submitFeedbackInput>;

/** The feedback as filed: never who sent it. */
export type SubmittedFeedback = Pick<Feedback, 'id' | 'kind' | 'countyId' | 'centerId' | 'anonymous' | 'state'>;

const ANONYMOUS: Actor = { kind: 'system', job: 'feedback.anonymous' };

function chatOf(actor: Actor): string | null {
  return 'chatAccountId' in actor ? (actor.chatAccountId ?? null) : null;
}

export async function submitFeedback(ctx: Ctx, actor: Actor, raw: SubmitFeedbackInput): Promise<SubmittedFeedback> {
  const input = parseInput(submitFeedbackInput, raw);
  return inTransaction(ctx, async (tx) => {
    let countyId = input.countyId;
    if (input.centerId) {
      const center = await tx.center.findUnique({ where: { id: input.centerId }, select: { countyId: true } });
      if (!center) throw new DomainError('NOT_FOUND', { field: 'centerId' });
      // Routed to the county that supervises the center, whatever the sender chose.
      countyId = center.countyId;
    } else if (!countyId) {
      throw new DomainError('REQUIRED', { field: 'centerId' });
    } else if (!(await tx.county.findUnique({ where: { id: countyId }, select: { id: true } }))) {
      throw new DomainError('NOT_FOUND', { field: 'countyId' });
    }
    const feedback = await tx.feedback.create({
      data: {
        kind: input.kind,
        body: input.body,
        countyId,
        centerId: input.centerId ?? null,
        anonymous: input.anonymous,
        authorPersonId: input.anonymous ? null : personOf(actor),
        authorChatAccountId: input.anonymous ? null : chatOf(actor),
        createdAt: ctx.clock.now(),
      },
    });
    await audit(tx, input.anonymous ? ANONYMOUS : actor, {
      action: 'feedback.submit',
      entity: 'Feedback',
      entityId: feedback.id,
      after: { kind: feedback.kind, countyId, centerId: feedback.centerId, anonymous: feedback.anonymous },
    });
    return { id: feedback.id, kind: feedback.kind, countyId: feedback.countyId, centerId: feedback.centerId, anonymous: feedback.anonymous, state: feedback.state };
  });
}
