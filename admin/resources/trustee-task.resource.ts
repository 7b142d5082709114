/**
 * Trustee tasks. The chair, vice-chair and Imdad staff give a task, reword it or move its
 * due day through core (createTask, updateTask); the assignee does and postpones it in the bot.
 * "Overdue tasks" lists what is past due in the login's area (the dashboard links to it).
 */
import type { ResourceWithOptions } from 'adminjs';
import { overdueTasksAction } from './actions/overdue-tasks.action.ts';
import { trusteeTaskActions } from './actions/work.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function trusteeTaskResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'TrusteeTask',
    navigation: NAV.work,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'assigneeRole', 'assigneeMembership', 'dueAt', 'state'],
    showProperties: [
      'title', 'description', 'center', 'assigneeRole', 'assigneeMembership', 'dueAt', 'state', 'snoozedUntil', 'completedAt',
      'completedBy', 'reminderCount', 'lastRemindedAt', 'periodKey', 'createdAt',
    ],
    properties: { description: { type: 'textarea' } },
    actions: { ...trusteeTaskActions(ctx), overdueTasks: overdueTasksAction(ctx.deps.core, ctx.deps.components?.OverdueTasks) },
    settings: {
      // Indexed: (centerId, state, dueAt), (state, dueAt), (assigneeMembershipId, state).
      sortable: ['dueAt'],
      filterable: ['center', 'state', 'assigneeRole', 'assigneeMembership', 'dueAt', 'title'],
      defaultSort: { sortBy: 'dueAt', direction: 'asc' },
    },
  });
}
