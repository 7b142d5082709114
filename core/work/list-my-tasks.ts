/**
 * A trustee's own open tasks in one membership (the bot's "my tasks", the
 * daily digest and reminders): OPEN and SNOOZED tasks named for the
 * membership, or for its role when no current holder is named -- the same
 * rule that decides who may complete or snooze them (task-scope.ts).
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { taskView, type TaskView } from './task-scope.ts';

export const listMyTasksInput = z.object({}).default({});
export type ListMyTasksInput = z.input<typeof listMyTasksInput>;

/** One of the trustee's open tasks, and whether it is overdue now. */
export type MyTask = TaskView & { overdue: boolean };

export async function listMyTasks(ctx: Ctx, actor: Actor, raw?: ListMyTasksInput): Promise<MyTask[]> {
  parseInput(listMyTasksInput, raw ?? {});
  // Derived from the actor only: a trustee never lists another member's tasks.
  if (actor.kind !== 'trustee') throw new DomainError('FORBIDDEN');
  const rows = await ctx.db.trusteeTask.findMany({
    where: {
      centerId: actor.centerId,
      state: { in: ['OPEN', 'SNOOZED'] },
      OR: [
        { assigneeMembershipId: actor.membershipId },
        { assigneeRole: actor.role, assigneeMembershipId: null },
        // A predecessor's open tasks of the role pass to whoever holds it now.
        { assigneeRole: actor.role, assigneeMembership: { state: { not: 'APPOINTED' } } },
      ],
    },
    orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
  });
  const now = ctx.clock.now().getTime();
  return rows.map((t) => {
    // Snoozed tasks wake up when their snooze ends; until then they are not overdue.
    const wakesAt = t.state === 'SNOOZED' && t.snoozedUntil ? t.snoozedUntil.getTime() : 0;
    return { ...taskView(t), overdue: t.dueAt.getTime() < now && wakesAt < now };
  });
}
