/**
 * The chair or vice-chair record the minutes (صورتجلسه) of a board meeting.
 * A meeting's decisions usually need following up: with a follow-up date the
 * minutes also create a task for it (to the vice-chair, who keeps the minutes,
 * unless another role is named), so its assignee is told now and the reminder
 * tick reminds them before the date and while it is overdue, like any task.
 */
import { z } from 'zod';
import type { Minutes } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { loadCenterScope } from './center-scope.ts';
import { deadline, instant, trusteeRole } from './create-task.ts';
import { assigneePersonIds, taskView, type TaskView } from './task-scope.ts';

export const recordMinutesInput = z
  .object({
    centerId: id,
    meetingAt: instant,
    title: text(200),
    location: optionalText(300),
    attendees: optionalText(2000),
    agenda: optionalText(4000),
    decisions: text(10_000),
    fileRef: optionalText(500),
    /** When the decisions are to be followed up; none: no follow-up task. */
    followUpDueAt: deadline.optional(),
    followUpRole: trusteeRole.optional(),
    /** The follow-up task's title; the meeting's title when left out. */
    followUpTitle: optionalText(200),
  })
  .refine((v) => v.followUpDueAt || (!v.followUpRole && !v.followUpTitle), { message: 'REQUIRED', path: ['followUpDueAt'] });
export type RecordMinutesInput = z.input<typeof recordMinutesInput>;

/** The minutes as stored, and the follow-up task they created (if a follow-up date was given). */
export type RecordedMinutes = Minutes & { followUpTask: TaskView | null };

export async function recordMinutes(ctx: Ctx, actor: Actor, raw: RecordMinutesInput): Promise<RecordedMinutes> {
  const input = parseInput(recordMinutesInput, raw);
  if (input.followUpDueAt && input.followUpDueAt <= ctx.clock.now()) throw new DomainError('INVALID_DATE', { field: 'followUpDueAt' });
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
    if (!input.followUpDueAt) return { ...minutes, followUpTask: null };
    const task = await tx.trusteeTask.create({
      data: {
        centerId: input.centerId,
        minutesId: minutes.id,
        title: input.followUpTitle ?? input.title,
        description: input.decisions,
        dueAt: input.followUpDueAt,
        assigneeRole: input.followUpRole ?? 'VICE_CHAIR',
      },
    });
    await audit(tx, actor, { action: 'task.create', entity: 'TrusteeTask', entityId: task.id, after: { ...taskView(task), minutesId: minutes.id } });
    for (const personId of await assigneePersonIds(tx, task))
      await notifyPerson(tx, personId, { template: 'task.assigned', params: { title: task.title }, dedupeKey: `task.assigned:${task.id}` });
    return { ...minutes, followUpTask: taskView(task) };
  });
}
