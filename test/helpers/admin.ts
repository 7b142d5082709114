/**
 * The admin panel under `inject`: build the app over a test database, create panel users,
 * log in and get the session cookie to send with later requests.
 *
 *   const app = await buildTestAdmin(database);
 *   const user = await createPanelUser(database.db, 'PROVINCE_ADMIN');
 *   const cookie = await loginAs(app, user.username, user.password);
 *   const res = await app.inject({ method: 'GET', url: '/admin/api/resources/Center/actions/list', headers: { cookie } });
 */
import type { ResourceWithOptions } from 'adminjs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { AdminSettings } from '../../http/settings.ts';
import { SESSION_COOKIE } from '../../http/cookie.ts';
import type { AdminDeps } from '../../admin/deps.ts';
import type { PosterBot } from '../../admin/poster/poster-page.ts';
import type { Core } from '../../core/index.ts';
import { createLogger } from '../../logger.ts';
import type { Database, Db } from '../../prisma/client.ts';
import type { StaffRole, StaffUser, TrusteeRole } from '../../prisma/generated/client/client.ts';
import { createCenter, createStaffUser, createTrustee } from '../../fixtures/factories.ts';

/** A fixed secret, so two apps built over one database share sessions (a "restart"). */
export const TEST_SESSION_SECRET = 'test-admin-session-secret-0123456789abcdef';

export interface TestAdminOptions {
  core?: Core;
  admin?: Partial<AdminSettings>;
  resources?: (deps: AdminDeps) => ResourceWithOptions[];
  /** The bots a center's poster links to. */
  posterBots?: readonly PosterBot[];
}

export async function buildTestAdmin(database: Database, options: TestAdminOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    database,
    logger: createLogger({ env: 'test', logLevel: 'silent' }),
    core: options.core,
    admin: { sessionSecret: TEST_SESSION_SECRET, ...options.admin },
    adminResources: options.resources,
    posterBots: options.posterBots,
  });
  await app.ready();
  return app;
}

export type PanelUser = StaffUser & { password: string };

/**
 * A panel login of a role with a fresh scope (province, county or center). A CENTER_TRUSTEE
 * gets an APPOINTED membership (`trusteeRole`, default ADMIN_FINANCE) of its center.
 */
export async function createPanelUser(
  db: Db,
  role: StaffRole,
  options: { trusteeRole?: TrusteeRole; centerId?: string; countyId?: string; provinceId?: string; username?: string; password?: string } = {},
): Promise<PanelUser> {
  const { trusteeRole = 'ADMIN_FINANCE', ...scope } = options;
  if (role !== 'CENTER_TRUSTEE') return createStaffUser(db, { role, ...scope });
  const centerId = scope.centerId ?? (await createCenter(db)).id;
  const membership = await createTrustee(db, { centerId, role: trusteeRole });
  return createStaffUser(db, {
    role,
    centerId,
    personId: membership.personId,
    trusteeMembershipId: membership.id,
    username: scope.username,
    password: scope.password,
  });
}

/** `name=value` of the session cookie in a response, or null. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string | null {
  for (const header of [setCookie ?? []].flat()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

export function loginForm(username: string, password: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ username, password, ...extra }).toString();
}

/** Logs in through the login form; returns the `cookie` header value for later requests. */
export async function loginAs(app: FastifyInstance, username: string, password: string, options: { lang?: 'fa' | 'en' } = {}): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: loginForm(username, password, options.lang ? { lang: options.lang } : {}),
  });
  expect(res.statusCode, `login of ${username}: ${res.body.slice(0, 200)}`).toBe(303);
  const cookie = sessionCookieOf(res.headers['set-cookie']);
  expect(cookie, 'the login sets a session cookie').toBeTruthy();
  return cookie!;
}
