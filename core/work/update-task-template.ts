/**
 * Province staff reword a role's recurring duty, move its day, or switch it
 * off (`active: false`) and on. What is left out stays as it was. Tasks
 * already generated keep their own title and due date; the change applies
 * from the next period the tick generates.
 */
import { z } from 'zod';
import type { TaskTemplate } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { clearableText, id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { rruleToSchedule, scheduleToRrule } from './recurrence.ts';
import { templateDay, templateFrequency, templateMonth } from './task-template-schedule.ts';

export const updateTaskTemplateInput = z.object({
  templateId: id,
  title: text(200).optional(),
  description: clearableText(2000),
  frequency: templateFrequency.optional(),
  month: templateMonth.optional(),
  day: templateDay.optional(),
  active: z.boolean({ message: 'VALIDATION' }).optional(),
});
export type UpdateTaskTemplateInput = z.input<typeof updateTaskTemplateInput>;

export async function updateTaskTemplate(ctx: Ctx, actor: Actor, raw: UpdateTaskTemplateInput): Promise<TaskTemplate> {
  const input = parseInput(updateTaskTemplateInput, raw);
  authorize(actor, 'taskTemplate.manage', {});
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `task-template:${input.templateId}`);
    const before = await tx.taskTemplate.findUnique({ where: { id: input.templateId } });
    if (!before) throw new DomainError('NOT_FOUND');
    let rrule = before.rrule;
    if (input.frequency !== undefined || input.month !== undefined || input.day !== undefined) {
      const current = rruleToSchedule(before.rrule);
      const frequency = input.frequency ?? current?.frequency ?? 'MONTHLY';
      const month = frequency === 'YEARLY' ? (input.month ?? current?.month) : undefined;
      if (frequency === 'YEARLY' && month === undefined) throw new DomainError('REQUIRED', { field: 'month' });
      rrule = scheduleToRrule({ frequency, month, day: input.day ?? current?.day ?? 1 });
    }
    const after = await tx.taskTemplate.update({
      where: { id: before.id },
      data: {
        title: input.title ?? before.title,
        // A description sent empty clears it; one not sent is kept.
        description: input.description !== undefined ? input.description : before.description,
        rrule,
        active: input.active ?? before.active,
      },
    });
    await audit(tx, actor, {
      action: 'taskTemplate.update',
      entity: 'TaskTemplate',
      entityId: before.id,
      before: { title: before.title, description: before.description, rrule: before.rrule, active: before.active },
      after: { title: after.title, description: after.description, rrule: after.rrule, active: after.active },
    });
    return after;
  });
}
