import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { addArchiveDocument } from './add-archive-document.ts';
import { completeTask } from './complete-task.ts';
import { createTask } from './create-task.ts';
import { generateRecurringTasks } from './generate-recurring-tasks.ts';
import { handleFeedback } from './handle-feedback.ts';
import { listMyTasks } from './list-my-tasks.ts';
import { listOverdueTasks } from './list-overdue-tasks.ts';
import { recordMinutes } from './record-minutes.ts';
import { requestArchiveDestruction } from './request-archive-destruction.ts';
import { snoozeTask } from './snooze-task.ts';
import { submitFeedback } from './submit-feedback.ts';

export { workApprovalHandlers } from './approval-handlers.ts';
export { DEFAULT_TASK_TEMPLATES } from './default-task-templates.ts';

export function workUseCases(ctx: Ctx) {
  return {
    createTask: (actor: Actor, input: unknown) => createTask(ctx, actor, input),
    completeTask: (actor: Actor, input: unknown) => completeTask(ctx, actor, input),
    snoozeTask: (actor: Actor, input: unknown) => snoozeTask(ctx, actor, input),
    listOverdueTasks: (actor: Actor, input: unknown) => listOverdueTasks(ctx, actor, input),
    listMyTasks: (actor: Actor, input: unknown) => listMyTasks(ctx, actor, input),
    generateRecurringTasks: (actor: Actor, input: unknown) => generateRecurringTasks(ctx, actor, input),
    recordMinutes: (actor: Actor, input: unknown) => recordMinutes(ctx, actor, input),
    addArchiveDocument: (actor: Actor, input: unknown) => addArchiveDocument(ctx, actor, input),
    requestArchiveDestruction: (actor: Actor, input: unknown) => requestArchiveDestruction(ctx, actor, input),
    submitFeedback: (actor: Actor, input: unknown) => submitFeedback(ctx, actor, input),
    handleFeedback: (actor: Actor, input: unknown) => handleFeedback(ctx, actor, input),
  };
}
