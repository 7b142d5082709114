/** Minutes of board meetings (recorded through core, with the follow-up task they may set). */
import type { ResourceWithOptions } from 'adminjs';
import { minutesActions } from './actions/work.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function minutesResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Minutes',
    navigation: NAV.work,
    titleProperty: 'title',
    listProperties: ['title', 'center', 'meetingAt', 'createdAt'],
    showProperties: ['title', 'center', 'meetingAt', 'location', 'attendees', 'agenda', 'decisions', 'fileRef', 'createdAt'],
    properties: { attendees: { type: 'textarea' }, agenda: { type: 'textarea' }, decisions: { type: 'textarea' } },
    actions: minutesActions(ctx),
    settings: {
      // Indexed: (centerId, meetingAt).
      sortable: ['meetingAt'],
      filterable: ['center', 'meetingAt'],
      defaultSort: { sortBy: 'meetingAt', direction: 'desc' },
    },
  });
}
