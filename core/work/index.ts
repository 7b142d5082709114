import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { addArchiveDocument } from './add-archive-document.ts';
import { completeTask } from './complete-task.ts';
import { createTask } from './create-task.ts';
import { createTaskTemplate } from './create-task-template.ts';
import { generateRecurringTasks } from './generate-recurring-tasks.ts';
import { assignFeedback } from './assign-feedback.ts';
import { handleFeedback } from './handle-feedback.ts';
import { getMyTask } from './get-my-task.ts';
import { listMyTasks } from './list-my-tasks.ts';
import { listOverdueTasks } from './list-overdue-tasks.ts';
import { recordMinutes } from './record-minutes.ts';
import { requestArchiveDestruction } from './request-archive-destruction.ts';
import { snoozeTask } from './snooze-task.ts';
import { submitFeedback } from './submit-feedback.ts';
import { updateTask } from './update-task.ts';
import { updateTaskTemplate } from './update-task-template.ts';

export { workApprovalHandlers } from './approval-handlers.ts';

export function workUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    createTask,
    updateTask,
    completeTask,
    snoozeTask,
    listOverdueTasks,
    listMyTasks,
    getMyTask,
    generateRecurringTasks,
    createTaskTemplate,
    updateTaskTemplate,
    recordMinutes,
    addArchiveDocument,
    requestArchiveDestruction,
    submitFeedback,
    handleFeedback,
    assignFeedback,
  });
}
