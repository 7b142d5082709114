/**
 * Whoever may give tasks (the chair, the vice-chair, Imdad's operators) rewords an open
 * task or moves its due day. A new due day starts its reminders afresh: the reminders
 * already spent were about the old day.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { clearableText, id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { deadline } from './create-task.ts';
import { loadTask, taskView, type TaskView } from './task-scope.ts';

export const updateTaskInput = z.object({
  taskId: id,
  title: text(200).optional(),
  description: clearableText(2000),
  dueAt: deadline.optional(),
});
export type UpdateTaskInput = z.input<typeof updateTaskInput>;

export async function updateTask(ctx: Ctx, actor: Actor, raw: UpdateTaskInput): Promise<TaskView> {
  const input = parseInput(updateTaskInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `task:${input.taskId}`);
    const { task, scope } = await loadTask(tx, input.taskId);
    authorize(actor, 'task.manage', scope);
    if (task.state !== 'OPEN' && task.state !== 'SNOOZED') throw new DomainError('INVALID_STATE');
    const moved = input.dueAt !== undefined && input.dueAt.getTime() !== task.dueAt.getTime();
    const updated = await tx.trusteeTask.update({
      where: { id: task.id },
      data: {
        title: input.title ?? task.title,
        // Not sent: kept; sent empty: cleared (null).
        description: input.description !== undefined ? input.description : task.description,
        ...(moved ? { dueAt: input.dueAt, reminderCount: 0, lastRemindedAt: null } : {}),
      },
    });
    await audit(tx, actor, {
      action: 'task.update',
      entity: 'TrusteeTask',
      entityId: task.id,
      before: { title: task.title, description: task.description, dueAt: task.dueAt },
      after: { title: updated.title, description: updated.description, dueAt: updated.dueAt },
    });
    return taskView(updated);
  });
}
