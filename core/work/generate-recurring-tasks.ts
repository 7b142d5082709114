/**
 * System job: turns each active TaskTemplate into this Jalali month's task for
 * every licensed center (main roles: every center; optional officers: centers
 * that have one). The task goes to the role, and to the current holder's
 * membership when there is exactly one. Idempotent: (templateId, centerId,
 * periodKey) is unique, so a second run in the same period creates nothing.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { isMainRole } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { toJalali } from '../jalali.ts';
import { notifyPerson } from '../outbox.ts';
import { occurrenceInMonth } from './recurrence.ts';
import { assigneePersonIds, taskView, type TaskView } from './task-scope.ts';

export const generateRecurringTasksInput = z.object({}).default({});
export type GenerateRecurringTasksInput = z.input<typeof generateRecurringTasksInput>;

/** The tasks this run created, and the templates whose rule the scheduler cannot read. */
export interface GeneratedTasks {
  created: TaskView[];
  skippedTemplates: string[];
}

export async function generateRecurringTasks(ctx: Ctx, actor: Actor, raw?: GenerateRecurringTasksInput): Promise<GeneratedTasks> {
  parseInput(generateRecurringTasksInput, raw ?? {});
  if (actor.kind !== 'system') throw new DomainError('FORBIDDEN');
  const today = toJalali(ctx.clock.now());
  return inTransaction(ctx, async (tx) => {
    // Two schedulers started at once wait for each other instead of racing.
    await lockKey(tx, 'job:generate-recurring-tasks');
    const templates = await tx.taskTemplate.findMany({ where: { active: true }, orderBy: { code: 'asc' } });
    const created: TaskView[] = [];
    const skippedTemplates: string[] = [];
    for (const template of templates) {
      const occurrence = occurrenceInMonth(template.rrule, today);
      if (!occurrence) {
        if (!/FREQ=(MONTHLY|YEARLY)/i.test(template.rrule)) skippedTemplates.push(template.code);
        continue;
      }
      const holders = await tx.trusteeMembership.findMany({
        where: { role: template.role, state: 'APPOINTED', center: { licenseState: 'LICENSED' } },
        select: { id: true, centerId: true },
      });
      const centerIds = isMainRole(template.role)
        ? (await tx.center.findMany({ where: { licenseState: 'LICENSED' }, select: { id: true } })).map((c) => c.id)
        : [...new Set(holders.map((h) => h.centerId))];
      const done = new Set(
        (await tx.trusteeTask.findMany({ where: { templateId: template.id, periodKey: occurrence.periodKey }, select: { centerId: true } })).map((t) => t.centerId),
      );
      for (const centerId of centerIds) {
        if (done.has(centerId)) continue;
        const centerHolders = holders.filter((h) => h.centerId === centerId);
        const task = await tx.trusteeTask.create({
          data: {
            centerId,
            templateId: template.id,
            periodKey: occurrence.periodKey,
            assigneeRole: template.role,
            assigneeMembershipId: centerHolders.length === 1 ? centerHolders[0]!.id : null,
            title: template.title,
            description: template.description,
            dueAt: occurrence.dueAt,
          },
        });
        await audit(tx, actor, { action: 'task.generate', entity: 'TrusteeTask', entityId: task.id, after: taskView(task) });
        for (const personId of await assigneePersonIds(tx, task))
          await notifyPerson(tx, personId, { template: 'task.assigned', params: { title: task.title }, dedupeKey: `task.assigned:${task.id}` });
        created.push(taskView(task));
      }
    }
    return { created, skippedTemplates };
  });
}
