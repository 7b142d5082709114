/**
 * When a login is required (PostgreSQL, or production), every /playground URL
 * needs a live panel staff session: the page redirects to the panel's login,
 * the API answers 401. The panel's cookie has Path=/admin, so the browser
 * never sends it here: /admin/playground (behind the panel's own guard) copies
 * the session token into a cookie of the same name for Path=/playground and
 * comes back. The token is checked against the session table on each request,
 * so logging out of the panel ends the playground too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, serializeCookie, SESSION_COOKIE } from '../http/cookie.ts';
import { loadCurrentAdmin } from '../http/current-admin.ts';
import type { SessionStore } from '../http/session-store.ts';
import type { Db } from '../prisma/client.ts';
import { PLAYGROUND_PATH } from './chat-cookie.ts';

export const PLAYGROUND_ENTRY = '/admin/playground';

export interface StaffGateOptions {
  db: Db;
  /** Null when there is no panel: then nobody can log in, and everything is refused. */
  sessions: SessionStore | null;
  secure: (req: FastifyRequest) => boolean;
}

function isPlaygroundPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === PLAYGROUND_PATH || path.startsWith(`${PLAYGROUND_PATH}/`);
}

async function hasStaffSession(req: FastifyRequest, options: StaffGateOptions): Promise<boolean> {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token || !options.sessions) return false;
  const session = await options.sessions.load(token);
  if (!session) return false;
  const current = await loadCurrentAdmin(options.db, session.staffUserId, session.data.locale);
  if (!current.ok) return false;
  await options.sessions.touch(session);
  return true;
}

function refuse(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = req.url.split('?')[0] ?? '';
  if ((req.method === 'GET' || req.method === 'HEAD') && !path.startsWith(`${PLAYGROUND_PATH}/api/`))
    return reply.redirect(`/admin/login?next=${encodeURIComponent(PLAYGROUND_ENTRY)}`, 303);
  return reply
    .code(401)
    .header('cache-control', 'no-store')
    .send({ error: { code: 'LOGIN_REQUIRED', message: 'a panel staff login is required' } });
}

export async function staffGate(app: FastifyInstance, options: StaffGateOptions): Promise<void> {
  app.addHook('onRequest', async (req, reply) => {
    if (!isPlaygroundPath(req.url)) return;
    if (!(await hasStaffSession(req, options))) return refuse(req, reply);
  });

  // Reached only with a panel session (the panel's guard covers every /admin URL).
  app.get(PLAYGROUND_ENTRY, async (req, reply) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || !(await hasStaffSession(req, options))) return reply.redirect(`/admin/login?next=${encodeURIComponent(PLAYGROUND_ENTRY)}`, 303);
    reply.header('set-cookie', serializeCookie(SESSION_COOKIE, token, { path: PLAYGROUND_PATH, secure: options.secure(req) }));
    return reply.redirect(PLAYGROUND_PATH, 303);
  });
}
