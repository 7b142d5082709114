/**
 * People of the area, read-only: trustees, volunteers, officials, and donors for those
 * who may read donors (scope in admin/access.ts). Trustees do not see national IDs. Staff
 * people only by province-wide logins; elsewhere an official is a name on what they decided.
 */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { NAV, personName, personNameFilter } from './shared.ts';

export function personResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Person',
    navigation: NAV.people,
    titleProperty: 'fullName',
    listProperties: ['fullName', 'gender', 'mobile', 'nationalId'],
    showProperties: ['firstName', 'lastName', 'gender', 'mobile', 'nationalId', 'createdAt'],
    settings: {
      // Where a record points to an official this login may not open: the name alone.
      nameProperties: ['fullName', 'firstName', 'lastName'],
      virtuals: { fullName: { value: (row) => personName(row), filter: personNameFilter } },
      // (lastName, firstName) and mobile are indexed; nationalId is unique.
      sortable: ['lastName', 'createdAt'],
      filterable: ['fullName', 'mobile', 'nationalId', 'gender'],
      defaultSort: { sortBy: 'lastName', direction: 'asc' },
    },
  });
}
