/**
 * Panel logins, managed by the province admin only. The password is typed into a virtual
 * `newPassword` field and stored hashed (core/security/password.ts); the hash is never
 * sent to the browser. Deactivating a user or changing their password ends their
 * sessions in the same transaction.
 */
import type { ResourceWithOptions } from 'adminjs';
import { ValidationError } from 'adminjs';
import { DomainError } from '../../core/errors.ts';
import { normalizeCode } from '../../core/input/normalize.ts';
import { hashPassword } from '../../core/security/password.ts';
import { endSessionsOf } from '../../http/session-store.ts';
import type { Db } from '../../prisma/client.ts';
import { defineResource, type DefineContext } from './define.ts';
import { resourceMessage } from './messages.ts';
import { NAV } from './shared.ts';

export const MIN_PASSWORD_LENGTH = 10;

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
    editProperties: ['username', 'person', 'role', 'province', 'county', 'center', 'trusteeMembership', 'newPassword', 'active', 'mustChangePassword'],
    settings: {
      virtuals: { newPassword: { type: 'password', writable: true } },
      sortable: ['username', 'lastLoginAt', 'createdAt'],
      filterable: ['username', 'role', 'county', 'center', 'active'],
      defaultSort: { sortBy: 'username', direction: 'asc' },
      validators: {
        username: (v) => {
          const s = typeof v === 'string' ? normalizeCode(v).toLowerCase() : '';
          if (!/^[a-z0-9._-]{3,40}$/.test(s)) throw new DomainError('VALIDATION');
          return s;
        },
      },
      async beforeWrite({ tx, input, data, before, auditExtra, lng }) {
        const password = typeof input.newPassword === 'string' ? input.newPassword : '';
        if (password || !before) {
          if (password.length < MIN_PASSWORD_LENGTH)
            throw new ValidationError({ newPassword: { message: resourceMessage(lng, 'passwordTooShort', { min: MIN_PASSWORD_LENGTH }), type: 'VALIDATION' } });
          data.passwordHash = await hashPassword(password);
          data.passwordChangedAt = new Date();
          auditExtra.password = 'changed';
        }
        // A disabled user, or one whose password was reset, must not stay logged in anywhere.
        if (before && (data.active === false || data.passwordHash)) await endSessionsOf(tx as unknown as Db, String(before.id));
      },
    },
  });
}
