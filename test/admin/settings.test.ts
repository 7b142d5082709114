/** The panel's settings in config.ts: a session secret is required in production, the rest has safe defaults. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { expectRefusedNaming, issuesOf } from '../helpers/config.ts';

const SECRET = 'x'.repeat(32);

describe('admin panel settings', () => {
  it('defaults: 30 min idle, 12 h absolute, 5 failures per username, 20 per address, 15 min lock, Secure when https', () => {
    const { admin } = loadConfig({});
    expect(admin).toEqual({
      sessionSecret: null,
      cookieSecure: 'auto',
      trustProxy: false,
      publicOrigin: null,
      idleTimeoutMs: 30 * 60_000,
      absoluteTimeoutMs: 12 * 3_600_000,
      maxFailuresPerUsername: 5,
      maxFailuresPerIp: 20,
      lockMs: 15 * 60_000,
    });
  });

  it('requires ADMIN_SESSION_SECRET in production, of at least 32 characters', () => {
    expect(issuesOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^ADMIN_SESSION_SECRET: .*required in production/)]);
    expect(issuesOf({ NODE_ENV: 'production', ADMIN_SESSION_SECRET: 'short' })).toEqual([expect.stringMatching(/^ADMIN_SESSION_SECRET: .*32/)]);
    expect(loadConfig({ NODE_ENV: 'production', ADMIN_SESSION_SECRET: SECRET }).admin.sessionSecret).toBe(SECRET);
    // Development may run without one (the app warns and uses a temporary secret).
    expect(loadConfig({ NODE_ENV: 'development' }).admin.sessionSecret).toBeNull();
  });

  it('reads the cookie, proxy, timeout and lockout variables', () => {
    const { admin } = loadConfig({
      ADMIN_COOKIE_SECURE: '1',
      TRUST_PROXY: 'true',
      ADMIN_PUBLIC_ORIGIN: 'https://panel.example.ir/',
      ADMIN_IDLE_TIMEOUT_MINUTES: '10',
      ADMIN_ABSOLUTE_TIMEOUT_HOURS: '2',
      ADMIN_LOGIN_MAX_FAILURES: '3',
      ADMIN_LOGIN_MAX_FAILURES_PER_IP: '50',
      ADMIN_LOGIN_LOCK_MINUTES: '60',
    });
    expect(admin).toMatchObject({
      cookieSecure: true,
      trustProxy: true,
      publicOrigin: 'https://panel.example.ir',
      idleTimeoutMs: 10 * 60_000,
      absoluteTimeoutMs: 2 * 3_600_000,
      maxFailuresPerUsername: 3,
      maxFailuresPerIp: 50,
      lockMs: 60 * 60_000,
    });
    expect(loadConfig({ ADMIN_COOKIE_SECURE: 'no' }).admin.cookieSecure).toBe(false);
  });

  it.each([
    [{ ADMIN_COOKIE_SECURE: 'sometimes' }, 'ADMIN_COOKIE_SECURE'],
    [{ ADMIN_IDLE_TIMEOUT_MINUTES: '0' }, 'ADMIN_IDLE_TIMEOUT_MINUTES'],
    [{ ADMIN_LOGIN_MAX_FAILURES: 'many' }, 'ADMIN_LOGIN_MAX_FAILURES'],
    [{ ADMIN_PUBLIC_ORIGIN: 'https://panel.example.ir/admin' }, 'ADMIN_PUBLIC_ORIGIN'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  ])('rejects %o naming %s', expectRefusedNaming);
});
