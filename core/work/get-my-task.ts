/**
 * One task of the trustee's, in whatever state (the bot's reminder buttons: an open task
 * shows its card, a task done since says so). A task named for someone else, or for
 * another role or center, is not theirs to look at.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { taskView, type TaskView } from './task-scope.ts';

export const getMyTaskInput = z.object({ taskId: id });
export type GetMyTaskInput = z.input<typeof getMyTaskInput>;

export async function getMyTask(ctx: Ctx, actor: Actor, raw: GetMyTaskInput): Promise<TaskView> {
  const input = parseInput(getMyTaskInput, raw);
  if (actor.kind !== 'trustee') throw new DomainError('FORBIDDEN');
  const task = await ctx.db.trusteeTask.findUnique({ where: { id: input.taskId } });
  const mine =
    !!task &&
    task.centerId === actor.centerId &&
    (task.assigneeMembershipId === actor.membershipId || (task.assigneeMembershipId === null && task.assigneeRole === actor.role));
  if (!mine) throw new DomainError('NOT_TASK_ASSIGNEE');
  return taskView(task);
}
