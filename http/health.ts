/**
 * GET /health: can the database be reached, and has it every migration this
 * build ships? 200 when both hold, 503 otherwise (for load balancers and Docker).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../prisma/client.ts';
import { migrationNames, readMigrationState } from '../prisma/migration-state.ts';

export async function healthRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const known = migrationNames(); // read once: the folder does not change under a running build
  app.get('/health', async (_req, reply) => {
    const { db, kind } = opts.database;
    try {
      const state = await readMigrationState(db, known);
      const ok = state.pending.length === 0 && state.failed.length === 0;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'migrations-pending',
        database: { kind, reachable: true, migrations: state },
      });
    } catch (e) {
      app.log.error({ err: e }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'database-unreachable', database: { kind, reachable: false } });
    }
  });
}
