/**
 * The admin guard in front of every /admin route: nothing without a session except the
 * login page and our font/stylesheet (decided on the matched route, so the asset-path
 * bypass of @adminjs/fastify is closed); cross-site state changes refused; a GET never
 * runs a state-changing action. The pages: rtl in Persian, nothing fetched from elsewhere.
 */
import { Router } from 'adminjs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_REFERENCE } from '../../admin/adminjs/page.ts';
import { postOnly } from '../../admin/resources/hooks/post-only.ts';
import type { Database } from '../../prisma/client.ts';
import { createProvince } from '../../fixtures/factories.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';

let database: Database;
let app: FastifyInstance;
let cookie: string;
let provinceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // One plain @adminjs/prisma resource with a state-changing custom action, to test the rules
  // every resource relies on (the real resources are tested by their own files).
  app = await buildTestAdmin(database, {
    resources: (deps) => [
      {
        resource: { model: deps.getModelByName('Province'), client: deps.database.db, clientModule: deps.clientModule },
        options: {
          actions: {
            rename: {
              actionType: 'record',
              component: false,
              handler: postOnly(async (_request, _response, context) => {
                const updated = await deps.database.db.province.update({ where: { id: String(context.record!.id()) }, data: { name: 'نام تازه' } });
                return { record: { ...context.record!.toJSON(context.currentAdmin), params: { ...updated } } };
              }),
            },
          },
        },
      },
    ],
  });
  const user = await createPanelUser(database.db, 'PROVINCE_ADMIN');
  cookie = await loginAs(app, user.username, user.password);
  provinceId = (await createProvince(database.db, { name: 'استان پیشین' })).id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const LOGIN = '/admin/login';

describe('without a session', () => {
  it('refuses the asset-path bypass URL of @adminjs/fastify (and its variants)', async () => {
    for (const url of [
      '/admin/api/resources/Province/actions/list?x=/frontend/assets/logo.svg',
      '/admin/api/resources/Province/actions/list?/admin/frontend/assets/app.bundle.js',
      '/admin/api/resources/Province/actions/list#/frontend/assets/logo.svg',
      '/admin/api/resources/Province/actions/list?x=/admin/login',
      '/admin/api/resources/Province/actions/list?x=/admin/static/panel.css',
      '/admin/api/resources/Province/actions/list',
      '/%61dmin/api/resources/Province/actions/list',
      '/admin/api/resources/Province/actions/lis%74',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect([303, 404], url).toContain(res.statusCode);
      if (res.statusCode === 303) expect(res.headers.location, url).toBe(LOGIN);
      expect(res.body, url).not.toContain('استان پیشین');
    }
  });

  it('redirects every AdminJS route and asset to the login page, GET and POST alike', async () => {
    const routes = [...Router.routes.map((r) => ({ method: r.method, path: r.path })), ...Router.assets.map((a) => ({ method: 'GET', path: a.path }))];
    for (const { method, path } of routes) {
      const url = `/admin${path}`
        .replace('{resourceId}', 'Province')
        .replace('{recordId}', provinceId)
        .replace('{action}', 'show')
        .replace('{query}', 'x')
        .replace('{pageName}', 'p');
      const res = await app.inject({ method: method as 'GET' | 'POST', url: url + (url.includes('/bulk/') ? `?recordIds=${provinceId}` : '') });
      expect(res.statusCode, `${method} ${url}`).toBe(303);
      expect(res.headers.location, `${method} ${url}`).toMatch(/^\/admin\/login/);
    }
    for (const url of ['/admin/logout', '/admin/language', '/admin/anything-else']) {
      expect((await app.inject({ method: 'POST', url })).statusCode, url).toBe(303);
    }
  });

  it('answers only the login page, our stylesheet and the font', async () => {
    expect((await app.inject({ method: 'GET', url: LOGIN })).statusCode).toBe(200);
    const css = await app.inject({ method: 'GET', url: '/admin/static/panel.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain("font-family: 'Vazirmatn'");
    const font = await app.inject({ method: 'GET', url: '/admin/static/vazirmatn.woff2' });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString()).toBe('wOF2');
    // Exact routes only: nothing else under /admin/static.
    expect((await app.inject({ method: 'GET', url: '/admin/static/panel.css/x' })).statusCode).toBe(303);
  });
});

describe('with a session', () => {
  it('lists the records', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/api/resources/Province/actions/list', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('استان پیشین');
  });

  it('refuses a cross-site POST before any handler runs (Origin or Sec-Fetch-Site)', async () => {
    const url = `/admin/api/resources/Province/records/${provinceId}/rename`;
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }]) {
      const res = await app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: {} });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    const del = await app.inject({ method: 'POST', url: `/admin/api/resources/Province/records/${provinceId}/delete`, headers: { cookie, origin: 'https://evil.example' } });
    expect(del.statusCode).toBe(403);
    expect((await database.db.province.findUniqueOrThrow({ where: { id: provinceId } })).name).toBe('استان پیشین');
    // A cross-site login form post (login CSRF) is refused too.
    const login = await app.inject({ method: 'POST', url: LOGIN, headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' });
    expect(login.statusCode).toBe(403);
  });

  it('answers 404 with a translated message for an action or a resource that does not exist', async () => {
    const headers = { cookie, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' };
    for (const url of [
      `/admin/api/resources/Province/records/${provinceId}/noSuchAction`,
      '/admin/api/resources/Province/actions/noSuchAction',
      '/admin/api/resources/Province/bulk/noSuchAction?recordIds=' + provinceId,
      '/admin/api/resources/NoSuchResource/actions/list',
    ]) {
      const res = await app.inject({ method: 'POST', url, headers, payload: {} });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({ error: 'پیدا نشد.' });
    }
  });

  it('runs a state-changing action on a same-origin POST only, never on GET', async () => {
    const url = `/admin/api/resources/Province/records/${provinceId}/rename`;
    const get = await app.inject({ method: 'GET', url, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(get.statusCode).toBe(200);
    expect(get.json().notice.type).toBe('info');
    expect((await database.db.province.findUniqueOrThrow({ where: { id: provinceId } })).name).toBe('استان پیشین');

    const post = await app.inject({ method: 'POST', url, headers: { cookie, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' }, payload: {} });
    expect(post.statusCode).toBe(200);
    expect((await database.db.province.findUniqueOrThrow({ where: { id: provinceId } })).name).toBe('نام تازه');
  });

  it('serves a Persian right-to-left page that loads nothing from another host', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fa" dir="rtl">');
    expect(res.body).not.toContain('fonts.googleapis');
    expect(res.body).not.toMatch(EXTERNAL_REFERENCE);
    expect(res.body).toContain('href="/admin/static/panel.css"');
    expect(res.body).toContain('انتخاب کنید…'); // react-select's "Select..." in Persian
    expect(res.body).toContain('"id":"شناسه"');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    for (const src of res.body.matchAll(/<script src="([^"]+)"/g)) {
      const asset = await app.inject({ method: 'GET', url: src[1]!, headers: { cookie } });
      expect(asset.statusCode, src[1]).toBe(200);
    }
    const ds = await app.inject({ method: 'GET', url: '/admin/frontend/assets/design-system.bundle.js', headers: { cookie } });
    expect(ds.body).toContain('window.__ADMIN_SELECT__');

    const login = await app.inject({ method: 'GET', url: LOGIN });
    expect(login.body).toContain('<html lang="fa" dir="rtl">');
    expect(login.body).not.toMatch(EXTERNAL_REFERENCE);
  });

  it('switches the language of the session with a POST (ltr in English)', async () => {
    const user = await createPanelUser(database.db, 'AUDITOR');
    const own = await loginAs(app, user.username, user.password);
    const switched = await app.inject({
      method: 'POST',
      url: '/admin/language',
      headers: { cookie: own, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=en&back=%2Fadmin%2Fresources%2FProvince',
    });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/admin/resources/Province');
    const page = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: own } });
    expect(page.body).toContain('<html lang="en" dir="ltr">');
    expect(page.body).toContain('Select…');
    // Only a path of this panel is a place to go back to.
    const evil = await app.inject({
      method: 'POST',
      url: '/admin/language',
      headers: { cookie: own, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=fa&back=%2F%2Fevil.example%2Fadmin',
    });
    expect(evil.headers.location).toBe('/admin');
  });
});
