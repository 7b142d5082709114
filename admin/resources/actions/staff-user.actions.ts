/**
 * Panel logins, given and changed by the province admin through core (core/security/
 * staff-users.ts): the password is typed into a password field and only its hash is kept.
 */
import type { Action, ActionResponse } from 'adminjs';
import { createStaffUserInput, updateStaffUserInput } from '../../../core/security/staff-users.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

export function staffUserActions(ctx: DefineContext): Record<string, Partial<Action<ActionResponse>>> {
  return {
    createStaffUser: coreAction(ctx, {
      resource: 'StaffUser',
      name: 'createStaffUser',
      icon: 'UserPlus',
      variant: 'primary',
      input: createStaffUserInput,
      useCase: (core) => core.security.createStaffUser,
      policy: 'staff.manage',
      relations: { countyId: 'County', trusteeMembershipId: 'TrusteeMembership' },
      // A trustee's login is the appointee's own; anyone else is a new person, named here.
      hidden: ['personId'],
    }),
    updateStaffUser: coreAction(ctx, {
      resource: 'StaffUser',
      name: 'updateStaffUser',
      record: 'staffUserId',
      input: updateStaffUserInput,
      useCase: (core) => core.security.updateStaffUser,
      policy: 'staff.manage',
      prefill: true,
    }),
  };
}
