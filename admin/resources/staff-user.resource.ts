/**
 * Panel logins, managed by the province admin only, through core (createStaffUser,
 * updateStaffUser): the hash of a password is never sent to the browser, and disabling a
 * user or changing their password ends their sessions in the same transaction.
 */
import type { ResourceWithOptions } from 'adminjs';
import { staffUserActions } from './actions/staff-user.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function staffUserResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'StaffUser',
    navigation: NAV.system,
    titleProperty: 'username',
    listProperties: ['username', 'person', 'role', 'county', 'center', 'active', 'lastLoginAt', 'lockedUntil'],
    showProperties: [
      'username', 'person', 'role', 'province', 'county', 'center', 'trusteeMembership', 'active', 'mustChangePassword', 'passwordChangedAt',
      'failedLoginCount', 'lastFailedLoginAt', 'lockedUntil', 'lastLoginAt', 'createdAt',
    ],
    settings: {
      sortable: ['username', 'lastLoginAt', 'createdAt'],
      filterable: ['username', 'role', 'county', 'center', 'active'],
      defaultSort: { sortBy: 'username', direction: 'asc' },
    },
    actions: staffUserActions(ctx),
  });
}
