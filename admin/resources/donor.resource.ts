/**
 * Donors of the area: found by a center of it, or giving to one (scope in admin/access.ts).
 * Nothing is written by a plain edit: look-alikes, merging, undoing a merge and anonymity
 * are core's use-cases (actions/donor.actions.ts).
 */
import type { ResourceWithOptions } from 'adminjs';
import { giftRecordActions } from './actions/gift-record.actions.ts';
import { donorActions } from './actions/donor.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { loginsOwnPlace, NAV, PERSON_NAME, personName, personNameFilter } from './shared.ts';

/** A donor's name: the person's, or the organisation's. */
export function donorName(donor: unknown): string | null {
  if (!donor || typeof donor !== 'object') return null;
  const d = donor as { person?: unknown; organizationName?: unknown };
  return personName(d.person) ?? (typeof d.organizationName === 'string' ? d.organizationName : null);
}

export function donorResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Donor',
    navigation: NAV.giving,
    titleProperty: 'displayName',
    listProperties: ['displayName', 'type', 'anonymous', 'recruitedByCenter', 'createdAt'],
    showProperties: [
      'displayName', 'type', 'person', 'organizationName', 'organizationRegNo', 'contactPerson', 'anonymous', 'recruitedByCenter',
      'mergedInto', 'mergedAt', 'note', 'createdAt',
    ],
    properties: { note: { type: 'textarea' } },
    settings: {
      include: { person: PERSON_NAME },
      virtuals: {
        displayName: {
          value: (row) => donorName(row),
          filter: (q) => ({ OR: [{ person: { is: personNameFilter(q) } }, { organizationName: { contains: q, mode: 'insensitive' } }] }),
        },
      },
      // (recruitedByCenterId, createdAt) and (createdAt) are indexed.
      sortable: ['createdAt'],
      filterable: ['displayName', 'type', 'recruitedByCenter', 'anonymous'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
      policyScope: loginsOwnPlace,
    },
    actions: { ...giftRecordActions(ctx).donor, ...donorActions(ctx) },
  });
}
