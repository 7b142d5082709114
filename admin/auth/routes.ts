/**
 * Login, logout and language routes of the panel. Login always starts a NEW session (a
 * cookie sent before login is ended, never promoted); logout deletes the session row.
 * Forms post application/x-www-form-urlencoded (parsed in the admin plugin).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../../http/cookie.ts';
import type { SessionStore } from '../../http/session-store.ts';
import type { AdminSettings } from '../../http/settings.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../messenger/i18n.ts';
import type { Db } from '../../prisma/client.ts';
import type { Authenticator } from './authenticate.ts';
import { ADMIN_ROOT, attachSession, LOGIN_PATH, safeNext } from './guard.ts';
import { renderLoginPage, renderLogoutPage, type LoginMessage } from './login-page.ts';

export const LOGOUT_PATH = '/admin/logout';
export const LANGUAGE_PATH = '/admin/language';

export interface AuthRoutesOptions {
  db: Db;
  sessions: SessionStore;
  authenticator: Authenticator;
  settings: Pick<AdminSettings, 'cookieSecure'>;
}

type Form = Record<string, string | undefined>;

function formOf(req: FastifyRequest): Form {
  const body = req.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}

function queryOf(req: FastifyRequest): Form {
  const q = req.query;
  if (typeof q !== 'object' || q === null) return {};
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}

function html(reply: FastifyReply, code: number, body: string): FastifyReply {
  return reply
    .code(code)
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .type('text/html; charset=utf-8')
    .send(body);
}

function localeOf(value: string | undefined): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  const { db, sessions, authenticator, settings } = options;

  app.get(LOGIN_PATH, async (req, reply) => {
    const q = queryOf(req);
    if (await attachSession(req, { db, sessions })) return reply.redirect(safeNext(q.next) ?? ADMIN_ROOT, 303);
    const message: LoginMessage | undefined =
      q.expired !== undefined ? { kind: 'expired', tone: 'info' } : q.loggedOut !== undefined ? { kind: 'loggedOut', tone: 'info' } : undefined;
    return html(reply, 200, renderLoginPage({ lng: localeOf(q.lang), next: safeNext(q.next), message }));
  });

  app.post(LOGIN_PATH, async (req, reply) => {
    const form = formOf(req);
    const lng = localeOf(form.lang);
    const next = safeNext(form.next);
    const username = (form.username ?? '').slice(0, 200);
    const result = await authenticator.login({
      username,
      password: form.password ?? '',
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      locale: lng,
    });
    if (!result.ok) {
      if (result.reason === 'locked') {
        const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
        return html(reply, 429, renderLoginPage({ lng, username, next, message: { kind: 'locked', tone: 'error', minutes } }));
      }
      const kind = result.reason === 'not-appointed' ? 'notAppointed' : 'invalidCredentials';
      return html(reply, result.reason === 'not-appointed' ? 403 : 401, renderLoginPage({ lng, username, next, message: { kind, tone: 'error' } }));
    }
    // Whatever session the browser had before is ended: the logged-in one is always new.
    const previous = readSessionToken(req);
    if (previous) {
      const old = await sessions.load(previous);
      if (old) await sessions.destroy(old);
    }
    const { token } = await sessions.create({ staffUserId: result.admin.id, locale: lng, ip: req.ip, userAgent: req.headers['user-agent'] });
    setSessionCookie(req, reply, token, settings);
    return reply.redirect(next ?? ADMIN_ROOT, 303);
  });

  // Logging out changes state, so GET only asks (AdminJS's menu item is a link); the form POSTs.
  app.get(LOGOUT_PATH, async (req, reply) => html(reply, 200, renderLogoutPage(req.currentAdmin?.locale ?? DEFAULT_LANGUAGE)));

  app.post(LOGOUT_PATH, async (req, reply) => {
    const session = req.adminSession;
    if (session) {
      await sessions.destroy(session);
      if (req.currentAdmin) {
        await audit(db, req.currentAdmin.actor, { action: 'admin.logout', entity: 'StaffUser', entityId: req.currentAdmin.id });
      }
    }
    clearSessionCookie(req, reply, settings);
    return reply.redirect(`${LOGIN_PATH}?loggedOut=1&lang=${session?.data.locale ?? DEFAULT_LANGUAGE}`, 303);
  });

  app.post(LANGUAGE_PATH, async (req, reply) => {
    const form = formOf(req);
    if (req.adminSession && isLanguage(form.lang)) await sessions.setLocale(req.adminSession, form.lang);
    return reply.redirect(safeNext(form.back) ?? ADMIN_ROOT, 303);
  });
}
