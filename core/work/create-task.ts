/**
 * The chair or vice-chair (or county staff) give a task to a trustee: to a
 * specific membership, to whoever holds a role, or both; with a due date.
 */
import { z } from 'zod';
import { TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { normalizeText } from '../input/normalize.ts';
import { startOfJalaliDay, toJalali } from '../jalali.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { assigneePersonIds, taskView, type TaskView } from './task-scope.ts';

export const trusteeRole = z.enum(TrusteeRole, { message: 'VALIDATION' });

/** A date or an ISO string; anything else is INVALID_DATE. */
export const instant = z
  .union([z.date(), z.string()], { message: 'INVALID_DATE' })
  .transform((v) => (v instanceof Date ? v : new Date(normalizeText(v))))
  .refine((d) => !Number.isNaN(d.getTime()), { message: 'INVALID_DATE' })
  // A form asks for the day (picked on the Jalali calendar).
  .meta({ type: 'string', format: 'date' });

const DAY_MS = 86_400_000;

/**
 * When something is due: an instant as is, or a bare day (YYYY-MM-DD, what a form's
 * calendar gives) as the last millisecond of that day in Tehran, so "due on 10 Dey"
 * is overdue only once 10 Dey is over, and reads as 10 Dey wherever it is shown.
 */
export const deadline = z
  .union([z.date(), z.string()], { message: 'INVALID_DATE' })
  .transform((v) => {
    if (v instanceof Date) return v;
    const s = normalizeText(v);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return new Date(s);
    const noon = new Date(`${s}T12:00:00Z`);
    return Number.isNaN(noon.getTime()) ? noon : new Date(startOfJalaliDay(toJalali(noon)).getTime() + DAY_MS - 1);
  })
  .refine((d) => !Number.isNaN(d.getTime()), { message: 'INVALID_DATE' })
  .meta({ type: 'string', format: 'date' });

export const createTaskInput = z
  .object({
    centerId: id,
    title: text(200),
    description: optionalText(2000),
    dueAt: deadline,
    assigneeRole: trusteeRole.optional(),
    assigneeMembershipId: id.optional(),
  })
  .refine((v) => v.assigneeRole || v.assigneeMembershipId, { message: 'REQUIRED', path: ['assignee'] });
export type CreateTaskInput = z.input<typeof createTaskInput>;

export async function createTask(ctx: Ctx, actor: Actor, raw: CreateTaskInput): Promise<TaskView> {
  const input = parseInput(createTaskInput, raw);
  return inTransaction(ctx, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId } });
    if (!center) throw new DomainError('NOT_FOUND');
    authorize(actor, 'task.manage', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
    if (input.assigneeMembershipId) {
      // Only a current board member of this very center can be given the task.
      const m = await tx.trusteeMembership.findUnique({ where: { id: input.assigneeMembershipId } });
      if (!m || m.centerId !== center.id || m.state !== 'APPOINTED') throw new DomainError('NOT_FOUND', { field: 'assigneeMembershipId' });
      if (input.assigneeRole && input.assigneeRole !== m.role) throw new DomainError('VALIDATION', { field: 'assigneeRole' });
    }
    const task = await tx.trusteeTask.create({
      data: {
        centerId: center.id,
        title: input.title,
        description: input.description ?? null,
        dueAt: input.dueAt,
        assigneeRole: input.assigneeRole ?? null,
        assigneeMembershipId: input.assigneeMembershipId ?? null,
      },
    });
    await audit(tx, actor, { action: 'task.create', entity: 'TrusteeTask', entityId: task.id, after: taskView(task) });
    for (const personId of await assigneePersonIds(tx, task))
      await notifyPerson(tx, personId, { template: 'task.assigned', params: { title: task.title }, dedupeKey: `task.assigned:${task.id}` });
    return taskView(task);
  });
}
