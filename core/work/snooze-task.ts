/** The assignee (or the chair / vice-chair) postpones a task to a later time. */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { instant } from './create-task.ts';
import { authorizeTaskWork, loadTask, taskView, type TaskView } from './task-scope.ts';

export const snoozeTaskInput = z.object({ taskId: id, until: instant });
export type SnoozeTaskInput = z.input<typeof snoozeTaskInput>;

export async function snoozeTask(ctx: Ctx, actor: Actor, raw: SnoozeTaskInput): Promise<TaskView> {
  const input = parseInput(snoozeTaskInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `task:${input.taskId}`);
    const { task, scope } = await loadTask(tx, input.taskId);
    authorizeTaskWork(actor, task, scope);
    if (task.state !== 'OPEN' && task.state !== 'SNOOZED') throw new DomainError('INVALID_STATE');
    if (input.until.getTime() <= ctx.clock.now().getTime()) throw new DomainError('INVALID_DATE', { field: 'until' });
    const snoozed = await tx.trusteeTask.update({ where: { id: task.id }, data: { state: 'SNOOZED', snoozedUntil: input.until } });
    await audit(tx, actor, {
      action: 'task.snooze',
      entity: 'TrusteeTask',
      entityId: task.id,
      before: { state: task.state, snoozedUntil: task.snoozedUntil },
      after: { state: snoozed.state, snoozedUntil: snoozed.snoozedUntil },
    });
    return taskView(snoozed);
  });
}
