/**
 * AdminJS's routes and assets on Fastify, like @adminjs/fastify's buildRouter but without
 * its three problems: it starts an un-awaited bundle (pages served before the components
 * exist), it serves a stale `.adminjs` bundle in development, and it has no place for our
 * guard. Every route here is under /admin and so behind the admin guard (auth/guard.ts);
 * `req.currentAdmin` is the logged-in admin. HTML pages are patched (page.ts): no external
 * request, `dir` for the language. JSON may carry BigInt (Rials): sent as decimal strings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import AdminJS, { Router } from 'adminjs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, type Language } from '../../messenger/i18n.ts';
import { errorMessage } from '../resources/messages.ts';
import type { ComponentsBundle } from './bundle.ts';
import { patchDesignSystemBundle, patchPage } from './page.ts';

export const COMPONENTS_BUNDLE_PATH = '/frontend/assets/components.bundle.js';

/** AdminJS pages run inline scripts (its state) but load nothing from elsewhere. */
export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join('; ');

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.eot': 'application/vnd.ms-fontobject',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

type MultipartField = { value?: unknown; file?: NodeJS.ReadableStream & { name?: string; bytes?: Buffer }; filename?: string; _buf?: Buffer | null };

/**
 * Multipart fields as AdminJS expects them: files as streams with a name, other fields as values.
 * A file's stream is already read (attachFieldsToBody buffers it, within the size limit); its
 * bytes ride along as `bytes`, for an action that reads an upload (a bank statement).
 */
function payloadOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, raw]) => {
      const field = raw as MultipartField | null;
      if (field && typeof field === 'object' && field.file) {
        field.file.name = field.filename;
        if (field._buf) field.file.bytes = field._buf;
        return [key, field.file];
      }
      return [key, field && typeof field === 'object' && 'value' in field ? field.value : raw];
    }),
  );
}

interface Controller {
  [action: string]: (request: unknown, response: FastifyReply) => Promise<unknown>;
}
type ControllerClass = new (options: { admin: AdminJS }, currentAdmin: unknown) => Controller;

type RouteParams = { resourceId?: string; action?: string };

/**
 * AdminJS's controllers assume the resource and the action in the address exist (an unknown
 * action fails reading its `handler`): a wrong address is a 404, translated by the panel's
 * error handler, not a 500.
 */
function assertKnownAction(admin: AdminJS, params: RouteParams): void {
  if (params.resourceId === undefined) return;
  const resource = admin.resources.find((r) => r._decorated?.id() === params.resourceId);
  const known = resource !== undefined && (params.action === undefined || resource.decorate().actions[params.action] !== undefined);
  if (!known) throw Object.assign(new Error(`no such panel resource or action: ${params.resourceId}/${params.action ?? ''}`), { statusCode: 404 });
}

/**
 * AdminJS's backend writes some notices as English sentences (a missing record: `Record with
 * given id: "…" cannot be found in resource "Donation"`) where the browser expects a message
 * key to translate. Such a sentence is replaced by the key of its meaning, so staff read it in
 * their language; our own notices are keys or sentences already in the reader's language.
 */
const ADMINJS_ENGLISH_NOTICES: ReadonlyArray<[RegExp, string]> = [
  [/^record with given id/i, 'error404Record'],
  [/^you have to pass (a valid )?"?record/i, 'error404Record'],
];

/**
 * An action the login may not use answers with AdminJS's key `forbiddenError`, whose text
 * wants the action's and resource's ids (which it never gets) and which our own forms show
 * as it stands: it becomes core's sentence for the same refusal (errors.FORBIDDEN), in the
 * reader's language, like every refusal core itself gives.
 */
const ADMINJS_FORBIDDEN_KEYS = new Set(['forbiddenError', 'anyForbiddenError']);

export function withTranslatableNotice(result: unknown, lng: Language = DEFAULT_LANGUAGE): unknown {
  const notice = (result as { notice?: { message?: unknown } } | null)?.notice;
  if (!notice || typeof notice.message !== 'string') return result;
  const message = notice.message;
  if (ADMINJS_FORBIDDEN_KEYS.has(message)) {
    const sentence = errorMessage('FORBIDDEN', lng);
    const record = (result as { record?: { baseError?: { message?: unknown } | null } }).record;
    const baseError = record?.baseError && record.baseError.message === message ? { ...record.baseError, message: sentence } : record?.baseError;
    return { ...(result as object), notice: { ...notice, message: sentence }, ...(record ? { record: { ...record, baseError } } : {}) };
  }
  const key = ADMINJS_ENGLISH_NOTICES.find(([pattern]) => pattern.test(message))?.[1];
  return key ? { ...(result as object), notice: { ...notice, message: key } } : result;
}

export async function adminjsRoutes(app: FastifyInstance, options: { admin: AdminJS; bundle: ComponentsBundle }): Promise<void> {
  const { admin, bundle } = options;
  const root = admin.options.rootPath;

  await app.register(fastifyMultipart, { attachFieldsToBody: true, limits: { fileSize: 10 * 1024 * 1024, files: 10, fields: 500 } });
  app.setReplySerializer((payload) => JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

  for (const route of Router.routes) {
    if (route.action === 'bundleComponents') continue; // served below from the prebuilt bundle
    const url = `${root}${route.path.replace(/{/g, ':').replace(/}/g, '')}`;
    const Controller = route.Controller as ControllerClass;
    app.route({
      method: route.method as 'GET' | 'POST',
      url,
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        assertKnownAction(admin, req.params as RouteParams);
        const controller = new Controller({ admin }, req.currentAdmin);
        const result = await controller[route.action]!(
          { params: req.params, query: req.query, payload: payloadOf(req.body), method: req.method.toLowerCase(), headers: req.headers },
          reply,
        );
        if (typeof result === 'string') {
          return reply
            .header('cache-control', 'no-store')
            .header('content-security-policy', PANEL_CSP)
            .type('text/html; charset=utf-8')
            .send(patchPage(result, req.currentAdmin?.locale ?? DEFAULT_LANGUAGE));
        }
        reply.header('cache-control', 'no-store');
        return reply.send(withTranslatableNotice(result ?? {}, req.currentAdmin?.locale ?? DEFAULT_LANGUAGE));
      },
    });
  }

  for (const asset of Router.assets) {
    if (asset.path === COMPONENTS_BUNDLE_PATH) continue;
    const type = MIME[path.extname(asset.src)] ?? 'application/octet-stream';
    let body: Promise<Buffer | string> | undefined;
    const load = async (): Promise<Buffer | string> =>
      asset.path === '/frontend/assets/design-system.bundle.js'
        ? patchDesignSystemBundle(await readFile(asset.src, 'utf8'))
        : readFile(asset.src);
    app.get(`${root}${asset.path}`, async (_req, reply) => {
      body ??= load();
      return reply.header('cache-control', 'private, max-age=3600').type(type).send(await body);
    });
  }

  app.get(`${root}${COMPONENTS_BUNDLE_PATH}`, async (req, reply) => {
    const etag = `"${bundle.etag}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(MIME['.js']!).send(bundle.code);
  });
}
