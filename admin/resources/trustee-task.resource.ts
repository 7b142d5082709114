/**
 * Trustee tasks. The chair, vice-chair and Imdad staff may reword a task or move its due
 * date; doing, snoozing and cancelling go through core.
 */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { centerOwned, NAV } from './shared.ts';

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
    editProperties: ['title', 'description', 'dueAt'],
    properties: { description: { type: 'textarea' } },
    settings: {
      // Indexed: (centerId, state, dueAt), (state, dueAt), (assigneeMembershipId, state).
      sortable: ['dueAt'],
      filterable: ['center', 'state', 'assigneeRole', 'assigneeMembership', 'dueAt', 'title'],
      defaultSort: { sortBy: 'dueAt', direction: 'asc' },
      policyScope: centerOwned,
    },
  });
}
