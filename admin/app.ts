/**
 * Builds the HTTP application (tests call it and use `inject`); server.ts in
 * main.ts only listens. Resources handed in are closed by their owner, not here.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger.ts';
import type { Database } from '../prisma/client.ts';
import { healthRoutes } from './plugins/health.ts';

export interface AppDeps {
  database: Database;
  logger: Logger;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger });
  await app.register(healthRoutes, { database: deps.database });
  return app;
}
