/**
 * Our own gate in front of every /admin route (the @adminjs/fastify one let through any URL
 * merely containing an asset path, e.g. `?x=/frontend/assets/logo.svg`).
 *
 * Decided on the route Fastify actually matched (`routeOptions.url`), not on the raw URL:
 * only the routes listed in `publicRoutes` (login page and form, font, stylesheet) run
 * without a session; every other route under /admin needs a live database session of an
 * active user, else the request is redirected to the login page (AdminJS's frontend
 * follows such redirects of its API calls back to the login page). State-changing requests
 * (not GET/HEAD) from another site are refused first, before any handler runs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, readSessionToken } from '../../http/cookie.ts';
import { loadCurrentAdmin, type CurrentAdmin } from '../../http/current-admin.ts';
import { isCrossSite } from '../../http/same-origin.ts';
import type { AdminSessionRow, SessionStore } from '../../http/session-store.ts';
import type { AdminSettings } from '../../http/settings.ts';
import { DEFAULT_LANGUAGE } from '../../messenger/i18n.ts';
import type { Db } from '../../prisma/client.ts';
import { translate } from '../locale/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in panel user (set by the admin guard on /admin routes), else null. */
    currentAdmin: CurrentAdmin | null;
    adminSession: AdminSessionRow | null;
  }
}

export const ADMIN_ROOT = '/admin';
export const LOGIN_PATH = '/admin/login';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function isAdminPath(path: string): boolean {
  return path === ADMIN_ROOT || path.startsWith(`${ADMIN_ROOT}/`);
}

/** Where to come back after login: a path of this panel, never another site. */
export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || !isAdminPath(value.split('?')[0] ?? '')) return null;
  if (value.includes('//') || value.includes('\\') || /(^|\/)\.\.?(\/|$|\?)/.test(value) || /%2e|%2f|%5c/i.test(value) || /[\u0000-\u001f]/.test(value)) return null;
  if (value.startsWith(LOGIN_PATH) || value.startsWith('/admin/logout')) return null;
  return value;
}

export interface GuardOptions {
  db: Db;
  sessions: SessionStore;
  settings: Pick<AdminSettings, 'cookieSecure' | 'publicOrigin'>;
  /** Route patterns (as registered) answered without a session, with their methods. */
  publicRoutes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Loads the session of the request's cookie (and its admin) onto the request; false if none. */
export async function attachSession(req: FastifyRequest, options: Pick<GuardOptions, 'db' | 'sessions'>): Promise<boolean> {
  const token = readSessionToken(req);
  if (!token) return false;
  const session = await options.sessions.load(token);
  if (!session) return false;
  const current = await loadCurrentAdmin(options.db, session.staffUserId, session.data.locale);
  if (!current.ok) {
    // Disabled (or no longer appointed): every session of that user ends now.
    await options.sessions.destroyAllOf(session.staffUserId);
    return false;
  }
  req.currentAdmin = current.admin;
  req.adminSession = session;
  await options.sessions.touch(session);
  return true;
}

function refuseCrossSite(reply: FastifyReply): FastifyReply {
  return reply.code(403).type('text/plain; charset=utf-8').send(translate(DEFAULT_LANGUAGE, 'login.crossSite'));
}

export function installAdminGuard(app: FastifyInstance, options: GuardOptions): void {
  app.decorateRequest('currentAdmin', null);
  app.decorateRequest('adminSession', null);

  app.addHook('onRequest', async (req, reply) => {
    const route = req.routeOptions.url;
    const pathname = req.url.split('?')[0] ?? '';
    if (!isAdminPath(route ?? pathname) && !isAdminPath(pathname)) return;

    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');

    if (!SAFE_METHODS.has(req.method) && isCrossSite(req, options.settings.publicOrigin)) return refuseCrossSite(reply);
    if (route && options.publicRoutes.get(route)?.has(req.method)) return;

    if (await attachSession(req, options)) return;

    if (readSessionToken(req)) clearSessionCookie(req, reply, options.settings);
    const next = SAFE_METHODS.has(req.method) && !pathname.startsWith('/admin/api/') ? safeNext(req.url) : null;
    return reply.redirect(next && next !== ADMIN_ROOT ? `${LOGIN_PATH}?next=${encodeURIComponent(next)}` : LOGIN_PATH, 303);
  });
}
