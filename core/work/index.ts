import { bindUseCases } from '../bind.ts';
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
  return bindUseCases(ctx, {
    createTask,
    completeTask,
    snoozeTask,
    listOverdueTasks,
    listMyTasks,
    generateRecurringTasks,
    recordMinutes,
    addArchiveDocument,
    requestArchiveDestruction,
    submitFeedback,
    handleFeedback,
  });
}
