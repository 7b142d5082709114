/**
 * Panel login and sessions over the real database: sessions rows created at login with a
 * NEW id, cookie flags, logout and disabling ending sessions on the server, idle and
 * absolute timeouts, throttling and lockout per username and per address with every
 * refused attempt audited, and sessions surviving a restart of the app.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/index.ts';
import type { Database } from '../../prisma/client.ts';
import { buildTestAdmin, createPanelUser, loginAs, loginForm, sessionCookieOf, type PanelUser } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';

const MINUTE = 60_000;
let now = new Date('2026-11-26T08:00:00Z');
const clock = { now: () => now };
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

const SETTINGS = {
  maxFailuresPerUsername: 3,
  maxFailuresPerIp: 6,
  lockMs: 15 * MINUTE,
  idleTimeoutMs: 30 * MINUTE,
  absoluteTimeoutMs: 120 * MINUTE,
};

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestAdmin(database, { core: createCore({ db: database.db, clock }), admin: SETTINGS });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

function postLogin(username: string, password: string, options: { ip?: string; cookie?: string; headers?: Record<string, string> } = {}) {
  return app.inject({
    method: 'POST',
    url: '/admin/login',
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
    payload: loginForm(username, password),
  });
}

/** Asked of a route that depends on nothing but the session (the logout confirmation). */
async function isLoggedIn(cookie: string, target: FastifyInstance = app): Promise<boolean> {
  const res = await target.inject({ method: 'GET', url: '/admin/logout', headers: { cookie } });
  if (res.statusCode === 303) return false;
  expect(res.statusCode).toBe(200);
  return true;
}

async function failedAudits(username: string) {
  const rows = await database.db.auditLog.findMany({ where: { action: 'admin.login.failed' }, orderBy: { id: 'asc' } });
  return rows
    .map((r) => ({ ...(r.after as { username: string; reason: string; ip: string }), actorType: r.actorType, entityId: r.entityId }))
    .filter((a) => a.username === username);
}

describe('login', () => {
  let user: PanelUser;
  beforeAll(async () => {
    user = await createPanelUser(database.db, 'COUNTY_STAFF');
  });

  it('starts a database session and sets an HttpOnly, SameSite, /admin cookie', async () => {
    const res = await postLogin(user.username.toUpperCase(), user.password);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\/admin/);
    expect(header).not.toMatch(/Secure/); // plain http, not behind a proxy
    const cookie = sessionCookieOf(res.headers['set-cookie'])!;
    const rows = await database.db.adminSession.findMany({ where: { staffUserId: user.id } });
    expect(rows).toHaveLength(1);
    // The database keeps a keyed hash of the token, never the token itself.
    expect(rows[0]!.id).not.toBe(cookie.split('=')[1]);
    expect(await isLoggedIn(cookie)).toBe(true);
    const audit = await database.db.auditLog.findFirst({ where: { action: 'admin.login', entityId: user.id } });
    expect(audit?.actorType).toBe('STAFF');
  });

  it('goes back to the page asked for, but only to a page of this panel', async () => {
    const to = async (next: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/admin/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: loginForm(user.username, user.password, { next }),
        })
      ).headers.location;
    expect(await to('/admin/resources/Center?page=2')).toBe('/admin/resources/Center?page=2');
    for (const evil of ['//evil.example/admin', 'https://evil.example/admin', '/admin/../../evil', '/admin/%2e%2e/x', '/adminx', '/\\evil.example']) {
      expect(await to(evil), evil).toBe('/admin');
    }
  });

  it('refuses a wrong password or an unknown user, and audits both', async () => {
    const wrong = await postLogin(user.username, 'not-the-password', { ip: '10.1.0.1' });
    expect(wrong.statusCode).toBe(401);
    expect(sessionCookieOf(wrong.headers['set-cookie'])).toBeNull();
    expect(wrong.body).toContain('نام کاربری یا گذرواژه درست نیست');
    const unknown = await postLogin('nobody-here', 'whatever', { ip: '10.1.0.1' });
    expect(unknown.statusCode).toBe(401);
    expect((await failedAudits(user.username)).at(-1)).toMatchObject({ reason: 'wrong-password', ip: '10.1.0.1', actorType: 'SYSTEM', entityId: user.id });
    expect(await failedAudits('nobody-here')).toMatchObject([{ reason: 'wrong-password', entityId: 'unknown' }]);
    // A success resets the user's consecutive failures.
    await loginAs(app, user.username, user.password);
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  it('never promotes a cookie sent before login: the session id is new and the old one ends', async () => {
    const first = await loginAs(app, user.username, user.password);
    const planted = 'imdad_admin=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    for (const before of [first, planted]) {
      const res = await postLogin(user.username, user.password, { cookie: before });
      const after = sessionCookieOf(res.headers['set-cookie'])!;
      expect(after).toBeTruthy();
      expect(after).not.toBe(before);
      expect(await isLoggedIn(after)).toBe(true);
      expect(await isLoggedIn(before)).toBe(false);
    }
  });

  it('locks a username after repeated failures, even for the right password, and unlocks after the lock time', async () => {
    const victim = await createPanelUser(database.db, 'AUDITOR');
    for (let i = 1; i <= SETTINGS.maxFailuresPerUsername; i++) {
      const res = await postLogin(victim.username, `wrong-${i}`, { ip: `10.2.0.${i}` });
      expect(res.statusCode, `attempt ${i}`).toBe(i < SETTINGS.maxFailuresPerUsername ? 401 : 429);
    }
    const right = await postLogin(victim.username, victim.password, { ip: '10.2.0.99' });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.body).toContain('دقیقهٔ دیگر');
    expect(sessionCookieOf(right.headers['set-cookie'])).toBeNull();
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { id: victim.id } })).lockedUntil).not.toBeNull();
    expect((await failedAudits(victim.username)).map((a) => a.reason)).toEqual([
      'wrong-password',
      'wrong-password',
      'wrong-password-now-locked',
      'user-locked',
    ]);

    advance(SETTINGS.lockMs + MINUTE);
    expect((await postLogin(victim.username, victim.password, { ip: '10.2.0.99' })).statusCode).toBe(303);
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { id: victim.id } })).lockedUntil).toBeNull();
  });

  it('locks an address after failures across usernames, other addresses unaffected', async () => {
    const other = await createPanelUser(database.db, 'AUDITOR');
    for (let i = 1; i <= SETTINGS.maxFailuresPerIp; i++) await postLogin(`guess-${i}`, 'x', { ip: '10.3.0.1' });
    const fromThere = await postLogin(other.username, other.password, { ip: '10.3.0.1' });
    expect(fromThere.statusCode).toBe(429);
    expect((await failedAudits(other.username)).at(-1)?.reason).toBe('ip-locked');
    expect((await postLogin(other.username, other.password, { ip: '10.3.0.2' })).statusCode).toBe(303);
  });

  it('refuses a disabled user, and a trustee login without an appointed membership', async () => {
    const disabled = await createPanelUser(database.db, 'AUDITOR');
    await database.db.staffUser.update({ where: { id: disabled.id }, data: { active: false } });
    expect((await postLogin(disabled.username, disabled.password, { ip: '10.4.0.1' })).statusCode).toBe(401);
    expect((await failedAudits(disabled.username)).at(-1)?.reason).toBe('disabled');

    const trustee = await createPanelUser(database.db, 'CENTER_TRUSTEE');
    expect(await isLoggedIn(await loginAs(app, trustee.username, trustee.password))).toBe(true);
    await database.db.trusteeMembership.update({ where: { id: trustee.trusteeMembershipId! }, data: { state: 'ENDED', endedAt: now } });
    const res = await postLogin(trustee.username, trustee.password, { ip: '10.4.0.1' });
    expect(res.statusCode).toBe(403);
    expect((await failedAudits(trustee.username)).at(-1)?.reason).toBe('not-appointed');
  });
});

describe('sessions', () => {
  it('logout deletes the session on the server (GET only asks)', async () => {
    const user = await createPanelUser(database.db, 'PROVINCE_SUPERVISOR');
    const cookie = await loginAs(app, user.username, user.password);
    const ask = await app.inject({ method: 'GET', url: '/admin/logout', headers: { cookie } });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('method="post" action="/admin/logout"');
    expect(await isLoggedIn(cookie)).toBe(true);

    const out = await app.inject({ method: 'POST', url: '/admin/logout', headers: { cookie } });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect(await database.db.adminSession.count({ where: { staffUserId: user.id } })).toBe(0);
    // The stolen cookie is worth nothing after logout.
    expect(await isLoggedIn(cookie)).toBe(false);
  });

  it('disabling a user ends all of their sessions', async () => {
    const user = await createPanelUser(database.db, 'PROVINCE_ADMIN');
    const a = await loginAs(app, user.username, user.password);
    const b = await loginAs(app, user.username, user.password);
    await database.db.staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect(await isLoggedIn(a)).toBe(false);
    expect(await database.db.adminSession.count({ where: { staffUserId: user.id } })).toBe(0);
    expect(await isLoggedIn(b)).toBe(false);
  });

  it('ends after the idle timeout, and after the absolute timeout however active', async () => {
    const user = await createPanelUser(database.db, 'AUDITOR');
    const idle = await loginAs(app, user.username, user.password);
    advance(SETTINGS.idleTimeoutMs - MINUTE);
    expect(await isLoggedIn(idle)).toBe(true);
    advance(SETTINGS.idleTimeoutMs + MINUTE);
    expect(await isLoggedIn(idle)).toBe(false);

    const busy = await loginAs(app, user.username, user.password);
    for (let t = 25; t < 120; t += 25) {
      advance(25 * MINUTE);
      expect(await isLoggedIn(busy), `after ${t} minutes`).toBe(true);
    }
    advance(25 * MINUTE); // 125 minutes after login: past the absolute timeout
    expect(await isLoggedIn(busy)).toBe(false);
  });

  it('survive a restart: a new app over the same database accepts the cookie', async () => {
    const user = await createPanelUser(database.db, 'AUDITOR');
    const cookie = await loginAs(app, user.username, user.password);
    const restarted = await buildTestAdmin(database, { core: createCore({ db: database.db, clock }), admin: { ...SETTINGS, trustProxy: true } });
    try {
      expect(await isLoggedIn(cookie, restarted)).toBe(true);
      // Behind a TLS-terminating proxy (TRUST_PROXY) the cookie is Secure.
      const res = await restarted.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
        payload: loginForm(user.username, user.password),
      });
      expect(res.statusCode).toBe(303);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await restarted.close();
    }
  });
});
