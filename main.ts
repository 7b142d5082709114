/**
 * `npm start`: config -> database -> HTTP server (and, when configured, the bot).
 * With the embedded database everything runs in this one process.
 */
import { buildApp } from './admin/app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './prisma/client.ts';
import { readMigrationState } from './prisma/migration-state.ts';
import { seedDemoIfEmpty } from './prisma/seed/index.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config);
  const startedAt = performance.now();

  const database = await openDatabase(config.database, { migrate: config.database.kind === 'pglite' });
  if (database.migrated.length) logger.info({ migrations: database.migrated }, 'database migrated');
  if (database.kind === 'postgres') {
    const state = await readMigrationState(database.db);
    if (state.pending.length || state.failed.length) {
      logger.fatal({ ...state }, 'the database is behind this build: run `npx prisma migrate deploy` (or `npm run db:migrate`) first');
      await database.close();
      process.exit(3);
    }
  }
  if (database.kind === 'pglite' && config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) {
      logger.info('the embedded database was empty: demo data written (run `npm run seed` to see the demo logins)');
      for (const line of seeded.logins) logger.info(`demo login: ${line}`);
    }
  }

  const app = await buildApp({ database, logger });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  logger.info(
    { database: database.kind, ms: Math.round(performance.now() - startedAt) },
    `ready: http://${config.host}:${config.port}/health`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
