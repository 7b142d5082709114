/** Loading a task with its scope, and the "assignee or chair/vice-chair" rule. */
import type { Actor } from '../actor.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { authorize } from '../policy.ts';
import type { TrusteeTask } from '../../prisma/generated/client/client.ts';

export async function loadTask(tx: Tx, taskId: string) {
  const task = await tx.trusteeTask.findUnique({
    where: { id: taskId },
    include: {
      center: { select: { countyId: true, licenseState: true } },
      assigneeMembership: { select: { state: true } },
    },
  });
  if (!task) throw new DomainError('NOT_FOUND');
  const scope = { centerId: task.centerId, countyId: task.center.countyId, licenseState: task.center.licenseState };
  return { task, scope };
}

type LoadedTask = TrusteeTask & { assigneeMembership?: { state: string } | null };

/**
 * Is the trustee the one the task is for? The named membership; or whoever
 * holds the role when no membership is named or the named one has ended
 * (a successor inherits the predecessor's open tasks of that role).
 */
function isAssignee(actor: Actor, task: LoadedTask): boolean {
  if (actor.kind !== 'trustee') return false;
  if (task.assigneeMembershipId === actor.membershipId) return true;
  const namedStillHolds = task.assigneeMembershipId && task.assigneeMembership?.state === 'APPOINTED';
  return !!task.assigneeRole && task.assigneeRole === actor.role && !namedStillHolds;
}

/** Only the assignee, or the chair or vice-chair who supervise the board's work, may act on a task. */
export function authorizeTaskWork(actor: Actor, task: LoadedTask, scope: Parameters<typeof authorize>[2]): void {
  authorize(actor, 'task.work', scope);
  if (actor.kind === 'system') return;
  if (actor.kind === 'trustee' && (actor.role === 'CHAIR' || actor.role === 'VICE_CHAIR')) return;
  if (!isAssignee(actor, task)) throw new DomainError('NOT_TASK_ASSIGNEE');
}

/** A task as use-cases return it: plain values, no relations. */
export type TaskView = Pick<
  TrusteeTask,
  | 'id'
  | 'centerId'
  | 'templateId'
  | 'periodKey'
  | 'assigneeRole'
  | 'assigneeMembershipId'
  | 'title'
  | 'description'
  | 'dueAt'
  | 'state'
  | 'snoozedUntil'
  | 'completedAt'
  | 'completedById'
>;

export function taskView(t: TrusteeTask): TaskView {
  return {
    id: t.id,
    centerId: t.centerId,
    templateId: t.templateId,
    periodKey: t.periodKey,
    assigneeRole: t.assigneeRole,
    assigneeMembershipId: t.assigneeMembershipId,
    title: t.title,
    description: t.description,
    dueAt: t.dueAt,
    state: t.state,
    snoozedUntil: t.snoozedUntil,
    completedAt: t.completedAt,
    completedById: t.completedById,
  };
}

/** The person(s) a task concerns: the membership's person, or the current holders of the role. */
export async function assigneePersonIds(tx: Tx, task: Pick<TrusteeTask, 'centerId' | 'assigneeMembershipId' | 'assigneeRole'>): Promise<string[]> {
  if (task.assigneeMembershipId) {
    const m = await tx.trusteeMembership.findUnique({ where: { id: task.assigneeMembershipId }, select: { personId: true } });
    return m ? [m.personId] : [];
  }
  if (!task.assigneeRole) return [];
  const holders = await tx.trusteeMembership.findMany({
    where: { centerId: task.centerId, role: task.assigneeRole, state: 'APPOINTED' },
    select: { personId: true },
  });
  return holders.map((h) => h.personId);
}
