/**
 * The page (playground/page/index.html at /playground), its files at
 * /playground/assets/* and the Vazirmatn fonts from node_modules at
 * /playground/assets/fonts/*. Files are read on request (they are few and
 * small) from fixed folders; names are checked, so no path leaves them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

const PAGE_DIR = path.resolve(import.meta.dirname, 'page');
const FONT_DIR = path.resolve(import.meta.dirname, '../node_modules/vazirmatn/fonts/webfonts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Nothing is loaded from another site; inline styles are allowed for the page's own rendering. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function sendFile(reply: FastifyReply, file: string, cache: string): Promise<FastifyReply> {
  const type = TYPES[path.extname(file)];
  if (!type) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'not found' } });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'not found' } });
  }
  return reply.header('cache-control', cache).type(type).send(body);
}

export const staticRoutes: FastifyPluginAsync = async (app) => {
  app.get('/playground/', async (_req, reply) => reply.redirect('/playground', 301));
  app.get('/playground', async (_req, reply) => {
    reply.header('content-security-policy', PAGE_CSP).header('x-frame-options', 'DENY');
    return sendFile(reply, path.join(PAGE_DIR, 'index.html'), 'no-cache');
  });

  app.get('/playground/assets/fonts/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!/^Vazirmatn[A-Za-z0-9[\]-]*\.woff2$/.test(name)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'not found' } });
    return sendFile(reply, path.join(FONT_DIR, name), 'public, max-age=604800');
  });

  app.get('/playground/assets/*', async (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.[a-z0-9]+$/.test(rest)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'not found' } });
    return sendFile(reply, path.join(PAGE_DIR, rest), 'no-cache');
  });
};
