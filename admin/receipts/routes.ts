/**
 * GET /admin/api/donations/:id/receipt-file — the receipt photo of a donation, for the proof
 * view on the Donation page (admin/components/receipt/ReceiptProof.tsx).
 *
 * Behind the panel's guard (no session: redirected to the login page). The donation is read
 * with the Donation resource's own scope (scopeFilter of admin/access.ts), so exactly those
 * who may open the donation's page get its photo; anyone else gets the same 404 as for a
 * donation that does not exist. Reads are not audited: the panel audits writes and logins
 * only (showing a donation's page is not audited either).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEFAULT_LANGUAGE, type Language } from '../../messenger/i18n.ts';
import type { Platform } from '../../messenger/platform.ts';
import type { Db } from '../../prisma/client.ts';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import { scopeFilter } from '../access.ts';
import { RECEIPT_FILE_ROUTE } from '../components/receipt/receipt-url.ts';
import { translate } from '../locale/index.ts';
import type { ReceiptSource } from './receipt-source.ts';

export { receiptFileUrl } from '../components/receipt/receipt-url.ts';

/** Error codes of the route (JSON `{ error, code }`), each a sentence errors.<key> in admin.json. */
const ERRORS = {
  NOT_FOUND: { status: 404, key: 'errors.notFound' },
  NO_RECEIPT_FILE: { status: 404, key: 'errors.noReceiptFile' },
  RECEIPT_FILE_UNAVAILABLE: { status: 404, key: 'errors.receiptFileUnavailable' },
  RECEIPT_FILE_UPSTREAM: { status: 502, key: 'errors.receiptFileUpstream' },
} as const;

function refuse(reply: FastifyReply, lng: Language, code: keyof typeof ERRORS) {
  const { status, key } = ERRORS[code];
  return reply.code(status).header('cache-control', 'no-store').send({ error: translate(lng, key), code });
}

export async function receiptRoutes(app: FastifyInstance, options: { db: Db; source: ReceiptSource }): Promise<void> {
  const { db, source } = options;

  app.get<{ Params: { id: string } }>(RECEIPT_FILE_ROUTE, async (req, reply) => {
    const admin = req.currentAdmin;
    const lng = admin?.locale ?? DEFAULT_LANGUAGE;
    // The guard lets no request without a session this far; kept as a second lock.
    if (!admin) return reply.code(401).header('cache-control', 'no-store').send({ error: translate(lng, 'errors.forbidden'), code: 'UNAUTHORIZED' });
    const id = req.params.id;
    if (!id || id.length > 64) return refuse(reply, lng, 'NOT_FOUND');

    const scope = scopeFilter(admin.actor, 'Donation') as Prisma.DonationWhereInput | null;
    const donation = await db.donation.findFirst({
      where: scope ? { AND: [scope, { id }] } : { id },
      select: { receiptFileId: true, reportedViaChatAccount: { select: { platform: true } } },
    });
    if (!donation) return refuse(reply, lng, 'NOT_FOUND');
    if (!donation.receiptFileId) return refuse(reply, lng, 'NO_RECEIPT_FILE');

    const platform: Platform | null = donation.reportedViaChatAccount?.platform ?? null;
    const file = await source.open({ fileId: donation.receiptFileId, platform });
    if (file === 'unavailable') return refuse(reply, lng, 'RECEIPT_FILE_UNAVAILABLE');
    if (file === 'upstream') {
      req.log.warn({ donationId: id, platform }, 'receipt file: the messenger did not answer');
      return refuse(reply, lng, 'RECEIPT_FILE_UPSTREAM');
    }

    const { type } = file;
    const name = `receipt-${id}.${type.extension}`;
    reply
      .header('content-type', type.contentType)
      .header('cache-control', 'private, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${type.inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    // Opened on its own, an image is a document of the panel's origin: give it no powers.
    if (type.contentType.startsWith('image/')) reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return reply.send(file.body);
  });
}
