/** Feedback and complaints routed to Imdad's offices (read-only here; handled through core). */
import type { ResourceWithOptions } from 'adminjs';
import { feedbackActions } from './actions/work.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function feedbackResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Feedback',
    navigation: NAV.oversight,
    titleProperty: 'kind',
    listProperties: ['kind', 'county', 'center', 'state', 'anonymous', 'createdAt'],
    showProperties: ['kind', 'county', 'center', 'anonymous', 'authorPerson', 'body', 'state', 'assignedTo', 'response', 'resolvedAt', 'createdAt'],
    properties: { body: { type: 'textarea' }, response: { type: 'textarea' } },
    actions: feedbackActions(ctx),
    settings: {
      // Indexed: (countyId, state, createdAt), (centerId, createdAt).
      sortable: ['createdAt'],
      filterable: ['county', 'center', 'kind', 'state'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
