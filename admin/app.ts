/**
 * Builds the HTTP application (tests call it and use `inject`); server.ts in
 * main.ts only listens. Resources handed in are closed by their owner, not here.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ResourceWithOptions } from 'adminjs';
import { createCore, type Core } from '../core/index.ts';
import type { BotWebhookOptions } from '../bot/webhook.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../prisma/client.ts';
import { defaultAdminSettings, type AdminSettings } from './auth/settings.ts';
import type { AdminDeps } from './deps.ts';
import { healthRoutes } from './plugins/health.ts';

export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The domain use-cases; created over `database` when not given. */
  core?: Core;
  /** The admin panel's settings (config.admin; test defaults when omitted), or false for no panel. */
  admin?: Partial<AdminSettings> | false;
  /** Tests: panel resources other than admin/resources/index.ts builds. */
  adminResources?: (deps: AdminDeps) => ResourceWithOptions[];
  /** The bot's webhook route (BOT_MODE=webhook); null/absent in polling mode or without a bot. */
  botWebhook?: BotWebhookOptions | null;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const adminSettings = deps.admin === false ? null : { ...defaultAdminSettings, ...deps.admin };
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, trustProxy: adminSettings?.trustProxy ?? false });
  await app.register(healthRoutes, { database: deps.database });
  if (deps.botWebhook) {
    const { botWebhook } = await import('../bot/webhook.ts');
    await app.register(botWebhook, deps.botWebhook);
  }
  if (adminSettings) {
    // Loaded only when the panel is wanted: AdminJS takes a second or two to import.
    const { registerAdminPanel } = await import('./plugins/adminjs.ts');
    await registerAdminPanel(app, {
      database: deps.database,
      core: deps.core ?? createCore({ db: deps.database.db }),
      logger: deps.logger,
      settings: adminSettings,
      resources: deps.adminResources,
    });
  }
  return app;
}
