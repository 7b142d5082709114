/**
 * Who may use the playground: disabled, every /playground URL is 404; when a
 * login is required (PostgreSQL or production) nothing works without a panel
 * staff session (the page redirects to the panel's login, the API answers
 * 401) and everything with one; POSTs from another site are refused; a
 * chat's files are its own; a forged chat cookie is no chat.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { SESSION_COOKIE } from '../../http/cookie.ts';
import { createCore } from '../../core/index.ts';
import { createLogger } from '../../logger.ts';
import { CHAT_COOKIE } from '../../playground/chat-cookie.ts';
import { createPlayground } from '../../playground/runtime.ts';
import { playgroundSettingsFrom } from '../../playground/settings.ts';
import type { Database } from '../../prisma/client.ts';
import { createPanelUser, loginAs, TEST_SESSION_SECRET } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { ensureDemoData } from '../helpers/playground.ts';
import { chatCookieOf, chooseIdentity, stateOf, uploadPhoto, type PgState } from './client.ts';

let database: Database;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoData(database);
}, 180_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
});

async function appWith(settings: { enabled: boolean; loginRequired: boolean }): Promise<FastifyInstance> {
  const logger = createLogger({ env: 'test', logLevel: 'silent' });
  const core = createCore({ db: database.db });
  const app = await buildApp({
    database,
    logger,
    core,
    admin: { sessionSecret: TEST_SESSION_SECRET },
    playground: settings.enabled ? { playground: createPlayground({ database, core, logger }), settings } : null,
  });
  await app.ready();
  apps.push(app);
  return app;
}

const URLS = [
  ['GET', '/playground'],
  ['GET', '/playground/assets/app.js'],
  ['GET', '/playground/assets/fonts/Vazirmatn-Regular.woff2'],
  ['GET', '/playground/api/state'],
  ['GET', '/playground/api/strings?lng=fa'],
  ['GET', '/playground/api/events'],
  ['GET', '/playground/api/files/pg-x'],
  ['POST', '/playground/api/identity'],
  ['POST', '/playground/api/send'],
  ['POST', '/playground/api/press'],
  ['POST', '/playground/api/contact'],
  ['POST', '/playground/api/photo'],
] as const;

describe('settings', () => {
  it('is on by default only with the embedded database; a login is needed on PostgreSQL or in production', () => {
    expect(playgroundSettingsFrom({ NODE_ENV: 'development' })).toEqual({ enabled: true, loginRequired: false });
    expect(playgroundSettingsFrom({ NODE_ENV: 'production' })).toEqual({ enabled: true, loginRequired: true });
    expect(playgroundSettingsFrom({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://x/y' })).toEqual({ enabled: false, loginRequired: true });
    expect(playgroundSettingsFrom({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://x/y', PLAYGROUND: true })).toEqual({ enabled: true, loginRequired: true });
    expect(playgroundSettingsFrom({ NODE_ENV: 'development', PLAYGROUND: false }).enabled).toBe(false);
  });
});

describe('disabled', () => {
  it('answers 404 at every /playground URL', async () => {
    const app = await appWith({ enabled: false, loginRequired: false });
    for (const [method, url] of URLS) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: '/admin/playground' })).statusCode).not.toBe(200);
  });
});

describe('login required', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ enabled: true, loginRequired: true });
  });

  it('redirects the page to the panel login and refuses the API without a staff session', async () => {
    const page = await app.inject({ method: 'GET', url: '/playground' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/login?next=%2Fadmin%2Fplayground');
    for (const [method, url] of URLS.filter(([, u]) => u.startsWith('/playground/api/'))) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const forged = await app.inject({ method: 'GET', url: '/playground/api/state', headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` } });
    expect(forged.statusCode).toBe(401);
  });

  it('works with a panel session, which /admin/playground hands to the /playground path', async () => {
    const user = await createPanelUser(database.db, 'PROVINCE_ADMIN');
    const session = await loginAs(app, user.username, user.password);
    const entry = await app.inject({ method: 'GET', url: '/admin/playground', headers: { cookie: session } });
    expect(entry.statusCode).toBe(303);
    expect(entry.headers.location).toBe('/playground');
    const copied = [entry.headers['set-cookie'] ?? []].flat().find((h) => h.startsWith(`${SESSION_COOKIE}=`))!;
    expect(copied).toContain('Path=/playground');
    expect(copied.split(';')[0]).toBe(session);

    const state = await app.inject({ method: 'GET', url: '/playground/api/state', headers: { cookie: session } });
    expect(state.statusCode).toBe(200);
    const { cookie } = await chooseIdentity(app, { identity: 'new-donor' }, { cookie: session });
    const chat = await app.inject({ method: 'GET', url: '/playground/api/state', headers: { cookie: `${session}; ${cookie}` } });
    expect((chat.json() as PgState).messages.length).toBeGreaterThan(0);

    // Logging out of the panel ends it here too.
    await app.inject({ method: 'POST', url: '/admin/logout', headers: { cookie: session } });
    expect((await app.inject({ method: 'GET', url: '/playground/api/state', headers: { cookie: session } })).statusCode).toBe(401);
  });

  it('sends to the login when the panel session is missing at /admin/playground', async () => {
    const entry = await app.inject({ method: 'GET', url: '/admin/playground' });
    expect(entry.statusCode).toBe(303);
    expect(entry.headers.location).toMatch(/^\/admin\/login/);
  });
});

describe('open (embedded demo)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ enabled: true, loginRequired: false });
  });

  it('serves the page, its strings and the fonts from this server', async () => {
    const page = await app.inject({ method: 'GET', url: '/playground' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const font = await app.inject({ method: 'GET', url: '/playground/assets/fonts/Vazirmatn-Regular.woff2' });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect((await app.inject({ method: 'GET', url: '/playground/assets/fonts/..%2F..%2Fpackage.json' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/playground/assets/../plugin.ts' })).statusCode).toBe(404);
    const strings = await app.inject({ method: 'GET', url: '/playground/api/strings?lng=en' });
    expect(strings.statusCode).toBe(200);
    expect(typeof strings.json()).toBe('object');
  });

  it('refuses POSTs from another site', async () => {
    const origin = await app.inject({ method: 'POST', url: '/playground/api/identity', payload: { identity: 'new-donor' }, headers: { origin: 'https://evil.example' } });
    expect(origin.statusCode).toBe(403);
    expect(origin.json()).toMatchObject({ error: { code: 'CROSS_SITE' } });
    expect(origin.headers['set-cookie']).toBeUndefined();
    const site = await app.inject({ method: 'POST', url: '/playground/api/send', payload: { text: 'hi' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/playground/api/identity',
      payload: { identity: 'new-donor' },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(200);
  });

  it("serves a chat its own files only, and takes a forged cookie for no chat", async () => {
    const a = await chooseIdentity(app, { identity: 'new-donor' });
    const b = await chooseIdentity(app, { identity: 'new-donor' });
    expect((await uploadPhoto(app, a.cookie)).statusCode).toBe(200);
    const url = (await stateOf(app, a.cookie)).messages.find((m) => m.photo)!.photo!.url;
    expect((await app.inject({ method: 'GET', url, headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: b.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);

    // Another chat's id in a cookie signed for this one is refused.
    const [, value] = a.cookie.split('=') as [string, string];
    const forged = `${CHAT_COOKIE}=${b.state.chat!.id}${value.slice(15)}`;
    expect((await stateOf(app, forged)).chat).toBeNull();
    expect((await app.inject({ method: 'GET', url, headers: { cookie: forged } })).statusCode).toBe(404);
  });

  it('refuses a file that is not an image or a PDF, one over 5 MB, and a chat-less send', async () => {
    const { cookie } = await chooseIdentity(app, { identity: 'new-donor' });
    const res = await uploadPhoto(app, cookie, { bytes: Buffer.from('<script>alert(1)</script>'), type: 'text/html' });
    expect(res.statusCode).toBe(415);
    expect(await database.db.playgroundFile.count({ where: { chatId: cookie.split('=')[1]!.slice(0, 15) } })).toBe(0);
    const big = await uploadPhoto(app, cookie, { bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 1), type: 'image/jpeg' });
    expect(big.statusCode).toBe(413);
    expect(await database.db.playgroundFile.count({ where: { chatId: cookie.split('=')[1]!.slice(0, 15) } })).toBe(0);
    const noChat = await app.inject({ method: 'POST', url: '/playground/api/send', payload: { text: 'سلام' } });
    expect(noChat.statusCode).toBe(409);
    expect(noChat.json()).toMatchObject({ error: { code: 'NO_CHAT' } });
  });

  it('sets the chat cookie HttpOnly on the /playground path', async () => {
    const res = await app.inject({ method: 'POST', url: '/playground/api/identity', payload: { identity: 'new-donor' } });
    const header = [res.headers['set-cookie'] ?? []].flat().find((h) => h.startsWith(`${CHAT_COOKIE}=`))!;
    expect(header).toContain('Path=/playground');
    expect(header).toContain('HttpOnly');
    expect(chatCookieOf(res)).toMatch(new RegExp(`^${CHAT_COOKIE}=\\d{15}\\.new-donor\\.fa\\.`));
  });
});
