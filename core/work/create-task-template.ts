/**
 * Province staff add a recurring duty for a role (the regulation's roles get
 * theirs from the task-templates migration): the reminder tick then gives it
 * to every licensed center's holder of the role, once a period.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TaskTemplate } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { trusteeRole } from './create-task.ts';
import { scheduleToRrule } from './recurrence.ts';
import { templateDay, templateFrequency, templateMonth } from './task-template-schedule.ts';

export const createTaskTemplateInput = z
  .object({
    role: trusteeRole,
    title: text(200),
    description: optionalText(2000),
    frequency: templateFrequency,
    month: templateMonth.optional(),
    day: templateDay,
  })
  .refine((v) => v.frequency === 'MONTHLY' || v.month !== undefined, { message: 'REQUIRED', path: ['month'] });
export type CreateTaskTemplateInput = z.input<typeof createTaskTemplateInput>;

export async function createTaskTemplate(ctx: Ctx, actor: Actor, raw: CreateTaskTemplateInput): Promise<TaskTemplate> {
  const input = parseInput(createTaskTemplateInput, raw);
  authorize(actor, 'taskTemplate.manage', {});
  return inTransaction(ctx, async (tx) => {
    const template = await tx.taskTemplate.create({
      data: {
        // Staff-made templates need no stable name in code; the code only has to be unique.
        code: `custom-${randomUUID()}`,
        role: input.role,
        title: input.title,
        description: input.description ?? null,
        rrule: scheduleToRrule({ frequency: input.frequency, month: input.month, day: input.day }),
      },
    });
    await audit(tx, actor, { action: 'taskTemplate.create', entity: 'TaskTemplate', entityId: template.id, after: template });
    return template;
  });
}
