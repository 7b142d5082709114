/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/admin, a browser-session cookie (the
 * server decides expiry), Secure when configured or, on `auto`, when the request came over
 * https (with TRUST_PROXY, as the proxy's X-Forwarded-Proto says).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminSettings } from './settings.ts';

export const SESSION_COOKIE = 'imdad_admin';
const COOKIE_PATH = '/admin';

/** A cookie of the request by name (the panel's session, the playground's chat), or null. */
export function readCookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function readSessionToken(req: FastifyRequest): string | null {
  return readCookie(req, SESSION_COOKIE);
}

/** An HttpOnly, SameSite=Lax cookie for one path; `expired` deletes it. Values are base64url: no encoding needed. */
export function serializeCookie(name: string, value: string, options: { path: string; secure: boolean; expired?: boolean }): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
    ...(options.expired ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=0'] : []),
  ].join('; ');
}

function isSecure(req: FastifyRequest, settings: Pick<AdminSettings, 'cookieSecure'>): boolean {
  return settings.cookieSecure === 'auto' ? req.protocol === 'https' : settings.cookieSecure;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, settings: Pick<AdminSettings, 'cookieSecure'>): void {
  reply.header('set-cookie', serializeCookie(SESSION_COOKIE, token, { path: COOKIE_PATH, secure: isSecure(req, settings) }));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, settings: Pick<AdminSettings, 'cookieSecure'>): void {
  reply.header('set-cookie', serializeCookie(SESSION_COOKIE, '', { path: COOKIE_PATH, secure: isSecure(req, settings), expired: true }));
}
