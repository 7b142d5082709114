/**
 * The playground's HTTP side (registered by app.ts when enabled): the page
 * and its assets, the chat API and the chat's server-sent events. Every POST
 * must come from this site (http/same-origin.ts); when a login is required,
 * every URL needs a live panel staff session first (staff-gate.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../core/errors.ts';
import { readCookie } from '../http/cookie.ts';
import { isCrossSite } from '../http/same-origin.ts';
import { createSessionStore } from '../http/session-store.ts';
import type { AdminSettings } from '../http/settings.ts';
import { localeTree, translator, type Language } from '../messenger/i18n.ts';
import { CHAT_COOKIE, decodeChatCookie, setChatCookie, type ChatCookie } from './chat-cookie.ts';
import { availableIdentities, listCenters, startIdentity } from './identities.ts';
import { IDENTITIES, type Identity, type ChatEvent } from './messages.ts';
import { PlaygroundInputError, type Playground } from './runtime.ts';
import type { PlaygroundSettings } from './settings.ts';
import { staffGate } from './staff-gate.ts';
import { staticRoutes } from './static.ts';

export interface PlaygroundRoutesOptions {
  playground: Playground;
  settings: PlaygroundSettings;
  /** The panel's settings (session secret shared with it; cookie Secure, public origin). */
  admin: Pick<AdminSettings, 'sessionSecret' | 'cookieSecure' | 'publicOrigin' | 'idleTimeoutMs' | 'absoluteTimeoutMs'> | null;
}

const MAX_UPLOAD = 5 * 1024 * 1024;
const PING_MS = 15_000;
const UPLOAD_TYPES = /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/;

function sendError(reply: FastifyReply, status: number, code: string, message = code): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } });
}

function isIdentity(v: unknown): v is Identity {
  return typeof v === 'string' && (IDENTITIES as readonly string[]).includes(v);
}

export const playgroundRoutes: FastifyPluginAsync<PlaygroundRoutesOptions> = async (app, opts) => {
  const playground = opts.playground;
  const db = playground.database.db;
  const secret = opts.admin?.sessionSecret ?? randomBytes(32).toString('base64url');
  const secure = (req: FastifyRequest) => (opts.admin?.cookieSecure === 'auto' || !opts.admin ? req.protocol === 'https' : opts.admin.cookieSecure);

  if (opts.settings.loginRequired) {
    const sessions = opts.admin
      ? createSessionStore({
          db,
          secret,
          clock: playground.core.ctx.clock,
          idleTimeoutMs: opts.admin.idleTimeoutMs,
          absoluteTimeoutMs: opts.admin.absoluteTimeoutMs,
        })
      : null;
    await staffGate(app, { db, sessions, secure });
  }

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD' && isCrossSite(req, opts.admin?.publicOrigin ?? null))
      return sendError(reply, 403, 'CROSS_SITE');
  });

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof PlaygroundInputError) return sendError(reply, error.status, error.code);
    const code = (error as { code?: unknown }).code;
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(reply, status, typeof code === 'string' ? code : 'BAD_REQUEST', error instanceof Error ? error.message : 'bad request');
    // A refused core call: its code is a locale key (errors.<CODE>), said in the page's language.
    if (isDomainError(error))
      return sendError(reply, 409, error.code, translator(chatOf(req)?.language ?? 'fa')(`errors:${error.code}`));
    req.log.error({ err: error }, 'playground request failed');
    return sendError(reply, 500, 'INTERNAL');
  });

  await app.register(staticRoutes);

  const chatOf = (req: FastifyRequest): ChatCookie | null => {
    const raw = readCookie(req, CHAT_COOKIE);
    return raw ? decodeChatCookie(secret, raw) : null;
  };
  const requireChat = (req: FastifyRequest): ChatCookie => {
    const c = chatOf(req);
    if (!c) throw new PlaygroundInputError('NO_CHAT', 409);
    return c;
  };

  async function state(c: ChatCookie | null) {
    const [identities, centers] = await Promise.all([availableIdentities(playground), listCenters(playground)]);
    const chat = c ? playground.store.chat(c.chatId) : null;
    return {
      enabled: true as const,
      chat: c ? { id: c.chatId, identity: c.identity, userLanguage: c.language } : null,
      identities,
      centers: centers.map(({ name, code, startCommand }) => ({ name, code, startCommand })),
      messages: chat?.messages ?? [],
      replyKeyboard: chat?.replyKeyboard ?? null,
    };
  }

  app.get('/playground/api/state', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return state(chatOf(req));
  });

  app.post('/playground/api/identity', async (req, reply) => {
    const body = (req.body ?? {}) as { identity?: unknown; centerCode?: unknown; language?: unknown };
    if (!isIdentity(body.identity)) return sendError(reply, 400, 'BAD_IDENTITY');
    if (body.centerCode !== undefined && body.centerCode !== null && typeof body.centerCode !== 'string') return sendError(reply, 400, 'BAD_CENTER');
    const language: Language = body.language === 'en' ? 'en' : 'fa';
    const c: ChatCookie = { chatId: playground.newChatId(), identity: body.identity, language };
    playground.store.chat(c.chatId);
    setChatCookie(reply, secret, c, secure(req));
    await startIdentity(playground, c.chatId, c.identity, { language, ...(body.centerCode ? { centerCode: body.centerCode } : {}) });
    reply.header('cache-control', 'no-store');
    return state(c);
  });

  app.post('/playground/api/send', async (req, reply) => {
    const c = requireChat(req);
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !text.trim() || text.length > 4096) return sendError(reply, 400, 'BAD_TEXT');
    await playground.sendText(c.chatId, text, c.language);
    return { ok: true };
  });

  app.post('/playground/api/press', async (req, reply) => {
    const c = requireChat(req);
    const body = (req.body ?? {}) as { messageId?: unknown; data?: unknown };
    if (!Number.isSafeInteger(body.messageId) || typeof body.data !== 'string') return sendError(reply, 400, 'BAD_PRESS');
    await playground.press(c.chatId, body.messageId as number, body.data, c.language);
    return { ok: true };
  });

  // The messenger's payment sheet, played: pay an invoice the bot sent, or close it.
  app.post('/playground/api/invoice', async (req, reply) => {
    const c = requireChat(req);
    const body = (req.body ?? {}) as { messageId?: unknown; action?: unknown };
    if (!Number.isSafeInteger(body.messageId) || (body.action !== 'pay' && body.action !== 'cancel')) return sendError(reply, 400, 'BAD_INVOICE');
    if (body.action === 'cancel') {
      playground.cancelInvoice(c.chatId, body.messageId as number);
      return { ok: true, paid: false };
    }
    const outcome = await playground.payInvoice(c.chatId, body.messageId as number, c.language);
    return { ok: true, ...outcome };
  });

  app.post('/playground/api/contact', async (req, reply) => {
    const c = requireChat(req);
    const body = (req.body ?? {}) as { name?: unknown; phone?: unknown };
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
    if (!name || name.length > 100) return sendError(reply, 400, 'BAD_NAME');
    if (!/^\+?[0-9\u06F0-\u06F9\u0660-\u0669 ()-]{5,20}$/.test(phone)) return sendError(reply, 400, 'BAD_PHONE');
    await playground.shareContact(c.chatId, { name, phone }, c.language);
    return { ok: true };
  });

  await app.register(async (uploads) => {
    const multipart = (await import('@fastify/multipart')).default;
    await uploads.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 4, fieldSize: 4096 } });
    uploads.post('/playground/api/photo', async (req, reply) => {
      const c = requireChat(req);
      if (!req.isMultipart()) return sendError(reply, 400, 'NOT_MULTIPART');
      let file: { bytes: Buffer; mimeType: string; name: string } | null = null;
      let caption: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file) {
            await part.toBuffer().catch(() => undefined);
            continue;
          }
          let bytes: Buffer;
          try {
            bytes = await part.toBuffer();
          } catch {
            return sendError(reply, 413, 'FILE_TOO_LARGE');
          }
          if (part.file.truncated) return sendError(reply, 413, 'FILE_TOO_LARGE');
          file = { bytes, mimeType: part.mimetype, name: (part.filename || 'file').slice(0, 200) };
        } else if (part.fieldname === 'caption' && typeof part.value === 'string' && part.value.trim()) {
          caption = part.value.slice(0, 1024);
        }
      }
      if (!file || file.bytes.length === 0) return sendError(reply, 400, 'NO_FILE');
      if (!UPLOAD_TYPES.test(file.mimeType)) return sendError(reply, 415, 'BAD_FILE_TYPE');
      await playground.sendFile(c.chatId, { ...file, ...(caption ? { caption } : {}) }, c.language);
      return { ok: true };
    });
  });

  app.get('/playground/api/files/:fileId', async (req, reply) => {
    const c = chatOf(req);
    const { fileId } = req.params as { fileId: string };
    const f = c && /^[A-Za-z0-9_-]{1,100}$/.test(fileId) ? await playground.file(c.chatId, fileId) : null;
    if (!f) return sendError(reply, 404, 'NOT_FOUND');
    // Shown inline only as an image or a PDF; anything else downloads, and never runs here.
    const inline = UPLOAD_TYPES.test(f.mimeType);
    return reply
      .header('cache-control', 'private, max-age=3600')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('content-disposition', inline ? 'inline' : 'attachment')
      .type(inline ? f.mimeType : 'application/octet-stream')
      .send(Buffer.from(f.bytes));
  });

  // Open event streams, ended before the server closes (they would keep it open).
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });

  app.get('/playground/api/events', async (req, reply) => {
    const c = chatOf(req);
    if (!c) return sendError(reply, 409, 'NO_CHAT');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 3000\n\n');
    const write = (e: ChatEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
    const unsubscribe = playground.store.subscribe(c.chatId, write);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const end = () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
  });

  app.get('/playground/api/strings', async (req, reply) => {
    const lng: Language = (req.query as { lng?: string }).lng === 'en' ? 'en' : 'fa';
    return reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(JSON.stringify(localeTree(lng, 'playground')));
  });
};
