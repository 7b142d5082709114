/**
 * Volunteers of a center. Vetting, (de)activation and the profile (skills, availability,
 * notes, kept up to date by the center's managers and Imdad staff) all go through core.
 */
import type { ResourceWithOptions } from 'adminjs';
import { volunteerActions } from './actions/board.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { centerOwned, NAV, PERSON_NAME, personName, personNameFilter } from './shared.ts';

export function volunteerResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Volunteer',
    navigation: NAV.people,
    titleProperty: 'fullName',
    listProperties: ['fullName', 'center', 'kind', 'state', 'skills', 'appliedAt'],
    showProperties: [
      'person', 'center', 'kind', 'state', 'skills', 'availability', 'serviceForService', 'appliedAt', 'vettingStartedAt',
      'selectionClearedAt', 'securityClearedAt', 'activatedAt', 'deactivatedAt', 'rejectReason', 'note',
    ],
    properties: { note: { type: 'textarea' } },
    settings: {
      include: { person: PERSON_NAME },
      virtuals: { fullName: { value: (row) => personName(row.person), filter: (q) => ({ person: { is: personNameFilter(q) } }) } },
      // (centerId, state) and (state, appliedAt) are indexed.
      sortable: ['appliedAt', 'createdAt'],
      filterable: ['fullName', 'center', 'state', 'kind'],
      defaultSort: { sortBy: 'appliedAt', direction: 'desc' },
      policyScope: centerOwned,
    },
    actions: volunteerActions(ctx),
  });
}
