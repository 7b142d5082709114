/**
 * GET /admin/centers/:id/poster — a licensed center's printable A4 poster (poster-page.ts),
 * opened from the Center page's "poster" action (admin/components/poster/CenterPoster.tsx).
 *
 * Behind the panel's guard (no session: the login page). Core decides who gets it
 * (core.centers.getCenterPoster: those who may see the center, and only while it is
 * licensed); a refusal is the translated sentence on a page of its own. The page loads
 * nothing but the panel's own font, and may be framed only by the panel.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Core } from '../../core/index.ts';
import { isDomainError } from '../../core/errors.ts';
import { DEFAULT_LANGUAGE, translator, type Language } from '../../messenger/i18n.ts';
import { CENTER_POSTER_ROUTE } from '../components/poster/poster-url.ts';
import { renderPosterPage, renderPosterRefusal, type PosterBot } from './poster-page.ts';

export interface PosterRoutesOptions {
  core: Core;
  /** The bots whose links the poster prints (main.ts: the configured usernames and the running bot's own). */
  bots: readonly PosterBot[];
}

const POSTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/** Refusals by error code: status and sentence (CENTER_NOT_LICENSED gets the poster's own). */
const REFUSALS: Record<string, { status: number; key: string }> = {
  FORBIDDEN: { status: 403, key: 'errors:FORBIDDEN' },
  CENTER_NOT_LICENSED: { status: 409, key: 'poster:notLicensed' },
  NOT_FOUND: { status: 404, key: 'errors:NOT_FOUND' },
  VALIDATION: { status: 404, key: 'errors:NOT_FOUND' },
};

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', POSTER_CSP)
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(html);
}

export async function posterRoutes(app: FastifyInstance, options: PosterRoutesOptions): Promise<void> {
  const { core, bots } = options;

  app.get<{ Params: { id: string } }>(CENTER_POSTER_ROUTE, async (req, reply) => {
    const admin = req.currentAdmin;
    const lng: Language = admin?.locale ?? DEFAULT_LANGUAGE;
    const refuse = (code: string) => {
      const refusal = REFUSALS[code] ?? REFUSALS.FORBIDDEN!;
      return sendPage(reply, refusal.status, renderPosterRefusal(lng, translator(lng)(refusal.key)));
    };
    // The guard lets no request without a session this far; kept as a second lock.
    if (!admin) return refuse('FORBIDDEN');
    try {
      const center = await core.centers.getCenterPoster(admin.actor, { centerId: req.params.id });
      return sendPage(reply, 200, await renderPosterPage(lng, center, bots));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return refuse(e.code);
    }
  });
}
