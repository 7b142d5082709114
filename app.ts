/**
 * The HTTP app, built from plugins: health (http/), the bot's webhook (bot/webhook.ts, in
 * BOT_MODE=webhook), the admin panel (admin/panel.ts, loaded by admin/load-panel.ts) and the playground
 * (playground/plugin.ts). main.ts builds it and listens; tests and the benchmarks build it
 * and use `inject`. With main.ts, the one place that knows every part. Resources handed in
 * are closed by their owner, not here.
 */
import { randomBytes } from 'node:crypto';
import type { ResourceWithOptions } from 'adminjs';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AdminDeps } from './admin/deps.ts';
import type { PosterBot } from './admin/poster/poster-page.ts';
import type { ReceiptFilesOptions } from './admin/receipts/receipt-source.ts';
import type { BotWebhookOptions } from './bot/webhook.ts';
import { createCore, type Core } from './core/index.ts';
import { healthRoutes } from './http/health.ts';
import { defaultAdminSettings, type AdminSettings } from './http/settings.ts';
import type { Logger } from './logger.ts';
import type { Playground } from './playground/runtime.ts';
import type { PlaygroundSettings } from './playground/settings.ts';
import type { Database } from './prisma/client.ts';

export interface AppDeps {
  database: Database;
  logger: Logger;
  /** A log line per request (config.logRequests: off in development); default on. */
  logRequests?: boolean;
  /** The domain use-cases; created over `database` when not given. */
  core?: Core;
  /** The admin panel's settings (config.admin; test defaults when omitted), or false for no panel. */
  admin?: Partial<AdminSettings> | false;
  /** Tests: panel resources other than admin/resources/index.ts builds. */
  adminResources?: (deps: AdminDeps) => ResourceWithOptions[];
  /** The bot's webhook route (BOT_MODE=webhook); null/absent in polling mode or without a bot. */
  botWebhook?: BotWebhookOptions | null;
  /** The bots whose files the panel's receipt proof view fetches (config.bot); tests add a fake fetch. */
  receiptFiles?: ReceiptFilesOptions;
  /** The messenger bots a center's poster links to (main.ts: config.bot.usernames and the running bot's own). */
  posterBots?: readonly PosterBot[];
  /** The browser playground (playground/): its bot and settings; null/absent when disabled (every /playground URL 404s). */
  playground?: { playground: Playground; settings: PlaygroundSettings } | null;
}

/** One secret for the panel's sessions and the playground's cookies (which check those sessions). */
function withSessionSecret(settings: AdminSettings, logger: Logger): AdminSettings & { sessionSecret: string } {
  if (settings.sessionSecret) return { ...settings, sessionSecret: settings.sessionSecret };
  logger.warn('ADMIN_SESSION_SECRET is not set: using a temporary one, so panel logins end when the server restarts');
  return { ...settings, sessionSecret: randomBytes(32).toString('base64url') };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const staffLogin = deps.admin === false ? null : withSessionSecret({ ...defaultAdminSettings, ...deps.admin }, deps.logger);
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: deps.logRequests === false }),
    trustProxy: staffLogin?.trustProxy ?? false,
    // The panel's plugin imports AdminJS and checks its bundle: on a small, busy machine that
    // can pass Fastify's 10 s default and stop the start for no fault of the panel's.
    pluginTimeout: 60_000,
  });
  await app.register(healthRoutes, { database: deps.database });
  if (deps.botWebhook) {
    const { botWebhook } = await import('./bot/webhook.ts');
    await app.register(botWebhook, deps.botWebhook);
  }
  if (staffLogin) {
    // Loaded only when the panel is wanted: AdminJS takes a second or two to import.
    const { loadAdminPanel } = await import('./admin/load-panel.ts');
    const adminPanel = await loadAdminPanel();
    await app.register(adminPanel, {
      database: deps.database,
      core: deps.core ?? createCore({ db: deps.database.db }),
      logger: deps.logger,
      settings: staffLogin,
      resources: deps.adminResources,
      receiptFiles: deps.receiptFiles,
      posterBots: deps.posterBots,
    });
  }
  if (deps.playground) {
    // After the panel: its guard must already cover /admin/playground (the playground's login entry).
    const { playgroundRoutes } = await import('./playground/plugin.ts');
    await app.register(playgroundRoutes, { ...deps.playground, admin: staffLogin });
  }
  return app;
}
