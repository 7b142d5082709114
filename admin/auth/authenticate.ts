/**
 * Checks a login (username + password against StaffUser, scrypt) with throttling:
 * `maxFailuresPerUsername` failures lock the username and `maxFailuresPerIp` lock the
 * client address, each for `lockMs`. Every refused attempt is written to the audit log
 * (action `admin.login.failed`, actor SYSTEM `admin-login`, the reason and address in
 * `after`); a successful one as `admin.login` by the user. Disabled users, and trustee
 * logins without an appointed membership, are refused.
 */
import { audit } from '../../core/audit.ts';
import type { SystemActor } from '../../core/actor.ts';
import type { Clock } from '../../core/context.ts';
import { normalizeText } from '../../core/input/normalize.ts';
import { hashPassword, verifyPassword } from '../../core/security/password.ts';
import { loadCurrentAdmin, type CurrentAdmin } from '../../http/current-admin.ts';
import type { AdminSettings } from '../../http/settings.ts';
import type { Language } from '../../messenger/i18n.ts';
import type { Db } from '../../prisma/client.ts';
import type { LoginThrottle } from './login-throttle.ts';

export type LoginFailure = 'invalid' | 'locked' | 'not-appointed';
export type LoginResult = { ok: true; admin: CurrentAdmin } | { ok: false; reason: LoginFailure; retryAfterMs: number };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  locale: Language;
}

export interface Authenticator {
  login(attempt: LoginAttempt): Promise<LoginResult>;
}

const LOGIN_JOB: SystemActor = { kind: 'system', job: 'admin-login' };

/** Usernames are stored lower-case; people may type Persian digits or stray spaces. */
export function normalizeUsername(raw: string): string {
  return normalizeText(raw).replace(/[\s\u200C]+/g, '').toLowerCase().slice(0, 100);
}

let dummyHash: Promise<string> | undefined;

export function createAuthenticator(options: {
  db: Db;
  clock: Clock;
  settings: Pick<AdminSettings, 'maxFailuresPerUsername' | 'maxFailuresPerIp' | 'lockMs'>;
  throttle: LoginThrottle;
}): Authenticator {
  const { db, clock, settings, throttle } = options;

  const refuse = async (
    attempt: LoginAttempt,
    username: string,
    userId: string | null,
    reason: string,
    result: LoginFailure,
    retryAfterMs = 0,
  ): Promise<LoginResult> => {
    await audit(db, LOGIN_JOB, {
      action: 'admin.login.failed',
      entity: 'StaffUser',
      entityId: userId ?? 'unknown',
      after: { username, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) ?? null, reason },
    });
    return { ok: false, reason: result, retryAfterMs };
  };

  return {
    async login(attempt) {
      const username = normalizeUsername(attempt.username);
      const ipKey = `ip:${attempt.ip}`;
      const userKey = `user:${username}`;
      const now = clock.now();

      const ipLock = throttle.lockedFor(ipKey);
      if (ipLock > 0) return refuse(attempt, username, null, 'ip-locked', 'locked', ipLock);

      const user = username
        ? await db.staffUser.findUnique({
            where: { username },
            select: { id: true, passwordHash: true, active: true, failedLoginCount: true, lastFailedLoginAt: true, lockedUntil: true },
          })
        : null;

      const dbLock = user?.lockedUntil ? user.lockedUntil.getTime() - now.getTime() : 0;
      const userLock = Math.max(dbLock, throttle.lockedFor(userKey));
      if (userLock > 0) return refuse(attempt, username, user?.id ?? null, 'user-locked', 'locked', userLock);

      // The same work for unknown users, so timing does not tell which usernames exist.
      dummyHash ??= hashPassword('not a password');
      const valid = (await verifyPassword(attempt.password.slice(0, 1000), user?.passwordHash ?? (await dummyHash))) && user !== null;

      if (!valid || !user) {
        const ipLocked = throttle.fail(ipKey, settings.maxFailuresPerIp);
        let userLocked = throttle.fail(userKey, settings.maxFailuresPerUsername);
        if (user) {
          const recent = user.lastFailedLoginAt && now.getTime() - user.lastFailedLoginAt.getTime() < settings.lockMs;
          const count = (recent ? user.failedLoginCount : 0) + 1;
          const lock = count >= settings.maxFailuresPerUsername;
          await db.staffUser.update({
            where: { id: user.id },
            data: {
              failedLoginCount: lock ? 0 : count,
              lastFailedLoginAt: now,
              ...(lock ? { lockedUntil: new Date(now.getTime() + settings.lockMs) } : {}),
            },
          });
          if (lock) userLocked = settings.lockMs;
        }
        const locked = Math.max(ipLocked, userLocked);
        return refuse(attempt, username, user?.id ?? null, locked ? 'wrong-password-now-locked' : 'wrong-password', locked ? 'locked' : 'invalid', locked);
      }

      if (!user.active) return refuse(attempt, username, user.id, 'disabled', 'invalid');
      const current = await loadCurrentAdmin(db, user.id, attempt.locale);
      if (!current.ok) return refuse(attempt, username, user.id, current.reason, current.reason === 'not-appointed' ? 'not-appointed' : 'invalid');

      throttle.reset(userKey);
      await db.staffUser.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null, lastLoginAt: now },
      });
      await audit(db, current.admin.actor, {
        action: 'admin.login',
        entity: 'StaffUser',
        entityId: user.id,
        after: { ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) ?? null },
      });
      return { ok: true, admin: current.admin };
    },
  };
}
