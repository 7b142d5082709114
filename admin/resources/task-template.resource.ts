/** The recurring duties of each board role, which the reminder tick turns into tasks; province staff change them through core. */
import type { ResourceWithOptions } from 'adminjs';
import { taskTemplateActions } from './actions/work.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { recurrenceInWords } from './recurrence-words.ts';
import { NAV } from './shared.ts';

export function taskTemplateResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'TaskTemplate',
    navigation: NAV.work,
    titleProperty: 'title',
    listProperties: ['title', 'role', 'recurrence', 'active'],
    showProperties: ['title', 'role', 'description', 'recurrence', 'active', 'updatedAt'],
    properties: { description: { type: 'textarea' } },
    actions: taskTemplateActions(ctx),
    settings: {
      virtuals: { recurrence: { value: (row, lng) => (typeof row.rrule === 'string' ? recurrenceInWords(row.rrule, lng) : undefined) } },
      // Indexed: (role, active).
      sortable: ['title'],
      filterable: ['role', 'active'],
      defaultSort: { sortBy: 'title', direction: 'asc' },
    },
  });
}
