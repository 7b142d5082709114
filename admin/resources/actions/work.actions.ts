/**
 * The board's work in the panel, each a core use-case: the chair, the vice-chair and
 * Imdad's operators give a trustee a task; the chair and vice-chair record a meeting's
 * minutes (and the follow-up task they set); documents enter the archive and leave it only
 * through a destruction request Imdad decides (ApprovalRequest); county staff take feedback
 * into review, answer and close it (core tells a named sender the answer in the bot);
 * province staff keep the role duties' templates the reminder tick generates tasks from.
 */
import type { Action, ActionResponse } from 'adminjs';
import { createTaskInput } from '../../../core/work/create-task.ts';
import { addArchiveDocumentInput } from '../../../core/work/add-archive-document.ts';
import { createTaskTemplateInput } from '../../../core/work/create-task-template.ts';
import { handleFeedbackInput } from '../../../core/work/handle-feedback.ts';
import { recordMinutesInput } from '../../../core/work/record-minutes.ts';
import { requestArchiveDestructionInput } from '../../../core/work/request-archive-destruction.ts';
import { assignFeedbackInput } from '../../../core/work/assign-feedback.ts';
import { updateTaskInput } from '../../../core/work/update-task.ts';
import { updateTaskTemplateInput } from '../../../core/work/update-task-template.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

type Actions = Record<string, Partial<Action<ActionResponse>>>;

export function trusteeTaskActions(ctx: DefineContext): Actions {
  return {
    createTask: coreAction(ctx, {
      resource: 'TrusteeTask',
      name: 'createTask',
      icon: 'Plus',
      variant: 'primary',
      input: createTaskInput,
      useCase: (core) => core.work.createTask,
      policy: 'task.manage',
      relations: { centerId: 'Center', assigneeMembershipId: 'TrusteeMembership' },
      multiline: ['description'],
    }),
    updateTask: coreAction(ctx, {
      resource: 'TrusteeTask',
      name: 'updateTask',
      record: 'taskId',
      input: updateTaskInput,
      useCase: (core) => core.work.updateTask,
      policy: 'task.manage',
      records: (task) => task.state === 'OPEN' || task.state === 'SNOOZED',
      // Opens with the task as it is: only what is changed is sent, an emptied description clears it.
      prefill: true,
      multiline: ['description'],
    }),
  };
}

export function feedbackActions(ctx: DefineContext): Actions {
  return {
    // Handed to a colleague who will answer it (the picker lists the logins this login may read).
    assignFeedback: coreAction(ctx, {
      resource: 'Feedback',
      name: 'assignFeedback',
      icon: 'UserCheck',
      record: 'feedbackId',
      input: assignFeedbackInput,
      useCase: (core) => core.work.assignFeedback,
      policy: 'feedback.handle',
      records: (feedback) => feedback.state === 'NEW' || feedback.state === 'IN_REVIEW',
      relations: { assignedToId: 'StaffUser' },
    }),
    handleFeedback: coreAction(ctx, {
      resource: 'Feedback',
      name: 'handleFeedback',
      icon: 'MessageSquare',
      variant: 'primary',
      record: 'feedbackId',
      input: handleFeedbackInput,
      useCase: (core) => core.work.handleFeedback,
      policy: 'feedback.handle',
      records: (feedback) => feedback.state === 'NEW' || feedback.state === 'IN_REVIEW',
      multiline: ['response'],
    }),
  };
}

export function minutesActions(ctx: DefineContext): Actions {
  return {
    recordMinutes: coreAction(ctx, {
      resource: 'Minutes',
      name: 'recordMinutes',
      icon: 'Plus',
      variant: 'primary',
      input: recordMinutesInput,
      useCase: (core) => core.work.recordMinutes,
      policy: 'minutes.write',
      relations: { centerId: 'Center' },
      multiline: ['attendees', 'agenda', 'decisions'],
    }),
  };
}

export function archiveDocumentActions(ctx: DefineContext): Actions {
  return {
    addArchiveDocument: coreAction(ctx, {
      resource: 'ArchiveDocument',
      name: 'addArchiveDocument',
      icon: 'Plus',
      variant: 'primary',
      input: addArchiveDocumentInput,
      useCase: (core) => core.work.addArchiveDocument,
      policy: 'archive.write',
      relations: { centerId: 'Center' },
    }),
    // Destruction itself is Imdad's decision on the approval request this creates.
    requestArchiveDestruction: coreAction(ctx, {
      resource: 'ArchiveDocument',
      name: 'requestArchiveDestruction',
      icon: 'Trash2',
      variant: 'danger',
      record: 'documentId',
      input: requestArchiveDestructionInput,
      useCase: (core) => core.work.requestArchiveDestruction,
      policy: 'archive.write',
      records: (doc) => doc.state === 'KEPT',
      multiline: ['reason'],
    }),
  };
}

export function taskTemplateActions(ctx: DefineContext): Actions {
  const template = { resource: 'TaskTemplate', policy: 'taskTemplate.manage', multiline: ['description'] } as const;
  return {
    createTaskTemplate: coreAction(ctx, {
      ...template,
      name: 'createTaskTemplate',
      icon: 'Plus',
      variant: 'primary',
      input: createTaskTemplateInput,
      useCase: (core) => core.work.createTaskTemplate,
    }),
    updateTaskTemplate: coreAction(ctx, {
      ...template,
      name: 'updateTaskTemplate',
      record: 'templateId',
      input: updateTaskTemplateInput,
      useCase: (core) => core.work.updateTaskTemplate,
    }),
  };
}
