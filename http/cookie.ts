/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/admin, a browser-session cookie (the
 * server decides expiry), Secure when configured or, on `auto`, when the request came over
 * https (with TRUST_PROXY, as the proxy's X-Forwarded-Proto says).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminSettings } from './settings.ts';

export const SESSION_COOKIE = 'imdad_admin';
const COOKIE_PATH = '/admin';

export function readSessionToken(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** The token is base64url, so the value needs no encoding. */
function serialize(value: string, secure: boolean, expired = false): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
    ...(expired ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=0'] : []),
  ].join('; ');
}

function isSecure(req: FastifyRequest, settings: Pick<AdminSettings, 'cookieSecure'>): boolean {
  return settings.cookieSecure === 'auto' ? req.protocol === 'https' : settings.cookieSecure;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, settings: Pick<AdminSettings, 'cookieSecure'>): void {
  reply.header('set-cookie', serialize(token, isSecure(req, settings)));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, settings: Pick<AdminSettings, 'cookieSecure'>): void {
  reply.header('set-cookie', serialize('', isSecure(req, settings), true));
}
