/**
 * A panel login's username and password as typed: one rule for the first admin (the
 * create-admin command) and every login the province admin gives later, so a name or a
 * password the one accepts the other never refuses.
 */
import { z } from 'zod';

/** The shortest password a panel login may have. */
export const MIN_PASSWORD_LENGTH = 10;

export const username = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9._-]{3,50}$/, { message: 'VALIDATION' }));

/** Drawn as a password field by the panel's form. */
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: 'PASSWORD_TOO_SHORT' })
  .max(200, { message: 'TEXT_TOO_LONG' })
  .meta({ format: 'password' });
