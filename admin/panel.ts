/**
 * The admin panel as one Fastify plugin: AdminJS at /admin over @adminjs/prisma, behind our
 * own guard, with database sessions, login throttling, Persian (rtl) and English, and no
 * external request.
 *
 * The guard is installed on the app that registers the panel (fastify-plugin: not an
 * encapsulated scope), so every route under /admin is protected, the playground's
 * /admin/playground entry included. Pages are served only after the components bundle is
 * ready (it is built, or read from its cache, before the plugin finishes loading).
 */
import AdminJS, { type BrandingOptions, type PageContext, type ResourceWithOptions } from 'adminjs';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Core } from '../core/index.ts';
import type { CurrentAdmin } from '../http/current-admin.ts';
import { createSessionStore } from '../http/session-store.ts';
import type { AdminSettings } from '../http/settings.ts';
import type { Logger } from '../logger.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../messenger/i18n.ts';
import type { Database } from '../prisma/client.ts';
import { ensureComponentsBundle } from './adminjs/bundle.ts';
import { panelComponents } from './adminjs/components.ts';
import { adminjsRoutes } from './adminjs/router.ts';
import { staticFiles } from './adminjs/static.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { ADMIN_ROOT, installAdminGuard, LOGIN_PATH } from './auth/guard.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { authRoutes, LOGOUT_PATH } from './auth/routes.ts';
import { dashboardHandler } from './dashboard/index.ts';
import type { AdminDeps } from './deps.ts';
import { clientModule, getModelByName, loadAdminjsPrisma } from './dmmf.ts';
import { adminjsLocale, translate } from './locale/index.ts';
import type { PosterBot } from './poster/poster-page.ts';
import { posterRoutes } from './poster/poster-routes.ts';
import { createReceiptSource, type ReceiptFilesOptions } from './receipts/receipt-source.ts';
import { receiptRoutes } from './receipts/routes.ts';
import { xlsxRoutes } from './reports/xlsx-routes.ts';
import { buildResources } from './resources/index.ts';

export interface AdminPanelOptions {
  database: Database;
  core: Core;
  logger: Logger;
  /** The staff login's settings, its session secret decided by the caller (app.ts). */
  settings: AdminSettings & { sessionSecret: string };
  /** Tests: other resources than admin/resources/index.ts builds. */
  resources?: (deps: AdminDeps) => ResourceWithOptions[];
  /** The messenger bots the receipt proof view downloads photos with (none: playground files only). */
  receiptFiles?: ReceiptFilesOptions;
  /** The bots a center's poster links to (none: the poster says so). */
  posterBots?: readonly PosterBot[];
}

let adapterRegistered = false;

/** What a refused request is told, by its status (an upload over the size limit is a 413). */
const ERROR_KEYS: Record<number, string> = { 404: 'errors.notFound', 403: 'errors.forbidden', 413: 'errors.fileTooLarge' };

function localeOf(admin: unknown) {
  const locale = (admin as { locale?: unknown } | undefined)?.locale;
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

async function registerAdminPanel(app: FastifyInstance, options: AdminPanelOptions): Promise<void> {
  const { database, core, logger, settings } = options;
  const clock = core.ctx.clock;

  const adminjsPrisma = await loadAdminjsPrisma();
  if (!adapterRegistered) {
    AdminJS.registerAdapter({ Database: adminjsPrisma.Database, Resource: adminjsPrisma.Resource });
    adapterRegistered = true;
  }

  const deps: AdminDeps = { database, core, getModelByName, clientModule: clientModule() };
  const { loader: componentLoader, ids: components } = panelComponents();

  const admin = new AdminJS({
    rootPath: ADMIN_ROOT,
    loginPath: LOGIN_PATH,
    logoutPath: LOGOUT_PATH,
    componentLoader,
    // The resources put the component ids (Jalali dates, money, confirm/reject) into their options.
    resources: (options.resources ?? buildResources)({ ...deps, components }),
    dashboard: {
      ...(components.Dashboard ? { component: components.Dashboard } : {}),
      handler: async (_req: unknown, _res: unknown, context: PageContext) => dashboardHandler(context.currentAdmin as CurrentAdmin, deps),
    },
    locale: (currentAdmin) => adminjsLocale(localeOf(currentAdmin)),
    branding: (currentAdmin) => ({
      companyName: translate(localeOf(currentAdmin), 'page.title'),
      logo: false,
      // An empty icon, so the browser does not ask for /favicon.ico.
      favicon: 'data:,',
      withMadeWithLove: false,
      // The design system's theme types `font` as a record, but its components use it as a CSS value.
      theme: { font: "'Vazirmatn', Tahoma, sans-serif" } as unknown as BrandingOptions['theme'],
    }),
    version: { admin: false },
  });

  const bundle = await ensureComponentsBundle(admin, (msg) => logger.info(msg));

  const sessions = createSessionStore({
    db: database.db,
    secret: settings.sessionSecret,
    clock,
    idleTimeoutMs: settings.idleTimeoutMs,
    absoluteTimeoutMs: settings.absoluteTimeoutMs,
  });
  const authenticator = createAuthenticator({
    db: database.db,
    clock,
    settings,
    throttle: createLoginThrottle(clock, settings.lockMs),
  });

  const files = staticFiles();
  const publicRoutes = new Map<string, ReadonlySet<string>>([[LOGIN_PATH, new Set(['GET', 'HEAD', 'POST'])]]);
  for (const file of files.keys()) publicRoutes.set(file, new Set(['GET', 'HEAD']));
  installAdminGuard(app, { db: database.db, sessions, settings, publicRoutes });

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.setErrorHandler((error, req, reply) => {
      const code = (error as { statusCode?: unknown } | null)?.statusCode;
      const status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
      if (status === 500) req.log.error({ err: error }, 'admin panel request failed');
      const lng = req.currentAdmin?.locale ?? DEFAULT_LANGUAGE;
      return reply
        .code(status)
        .header('cache-control', 'no-store')
        .send({ error: translate(lng, ERROR_KEYS[status] ?? 'errors.internal') });
    });

    for (const [url, file] of files) {
      scope.get(url, async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').type(file.type).send(file.body));
    }
    await scope.register(authRoutes, { db: database.db, sessions, authenticator, settings });
    await scope.register(adminjsRoutes, { admin, bundle });
    await scope.register(async (reports) => xlsxRoutes(reports, deps));
    await scope.register(receiptRoutes, { db: database.db, source: createReceiptSource(database.db, options.receiptFiles) });
    await scope.register(posterRoutes, { core, bots: options.posterBots ?? [] });
  });

  // Expired rows are refused on read; this only keeps the table small.
  const purge = () => sessions.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'admin session purge failed'));
  void purge();
  const timer = setInterval(purge, 60 * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Registered on the app itself, not in a scope of its own: the guard must see every /admin route. */
export const adminPanel = fastifyPlugin(registerAdminPanel, { name: 'admin-panel' });
