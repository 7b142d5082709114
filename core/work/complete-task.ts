/** The assignee (or the chair / vice-chair) marks a task done. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorizeTaskWork, loadTask, taskView, type TaskView } from './task-scope.ts';

export const completeTaskInput = z.object({ taskId: id });
export type CompleteTaskInput = z.input<typeof completeTaskInput>;

export async function completeTask(ctx: Ctx, actor: Actor, raw: CompleteTaskInput): Promise<TaskView> {
  const input = parseInput(completeTaskInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `task:${input.taskId}`);
    const { task, scope } = await loadTask(tx, input.taskId);
    authorizeTaskWork(actor, task, scope);
    if (task.state !== 'OPEN' && task.state !== 'SNOOZED') throw new DomainError('INVALID_STATE');
    const done = await tx.trusteeTask.update({
      where: { id: task.id },
      data: { state: 'DONE', completedAt: ctx.clock.now(), completedById: personOf(actor), snoozedUntil: null },
    });
    await audit(tx, actor, { action: 'task.complete', entity: 'TrusteeTask', entityId: task.id, before: { state: task.state }, after: { state: done.state, completedAt: done.completedAt } });
    return taskView(done);
  });
}
