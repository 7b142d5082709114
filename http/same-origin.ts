/**
 * Cross-site request refusal for every state-changing (non-GET/HEAD) request of the panel
 * and the playground.
 * Browsers say where a request comes from: `Sec-Fetch-Site` (must be `same-origin`) or, in
 * older ones, `Origin` (must be this server's origin, or ADMIN_PUBLIC_ORIGIN behind a
 * proxy that rewrites Host). A request carrying neither does not come from a browser page,
 * so it cannot ride on a victim's cookie; it is allowed (tests, scripts).
 */
import type { FastifyRequest } from 'fastify';

export function isCrossSite(req: FastifyRequest, publicOrigin: string | null): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site !== 'same-origin';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const expected = publicOrigin ?? `${req.protocol}://${req.host}`;
  return origin !== expected;
}
