import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createLogger } from '../../logger.ts';
import type { Database } from '../../prisma/client.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';

describe('GET /health', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: createLogger({ env: 'test', logLevel: 'silent' }) });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers 200 with the database reachable and fully migrated', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database.kind).toBe(testDbKind());
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrations.pending).toEqual([]);
  });

  it('answers 503 naming the pending migration when the database is behind', async () => {
    const [{ name }] = await database.db.$queryRawUnsafe<[{ name: string }]>(
      `SELECT migration_name AS name FROM _prisma_migrations ORDER BY started_at DESC LIMIT 1`,
    );
    await database.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1`, name);
    try {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().database.migrations.pending).toEqual([name]);
    } finally {
      await database.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1`, name);
    }
  });
});
