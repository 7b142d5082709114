/**
 * A fresh database for one test file, copied from the migrated template of
 * test/global-setup.ts: a real PGlite or PostgreSQL, never a mocked client.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../prisma/client.ts';
import { poolConfigFromUrl } from '../../prisma/engine/adapters.ts';

let counter = 0;

export function testDbKind(): 'pglite' | 'postgres' {
  return inject('testDb').kind;
}

export async function createTestDatabase(): Promise<Database> {
  const spec = inject('testDb');
  if (spec.kind === 'pglite') {
    const loadDataDir = new Blob([await readFile(spec.templateFile)]);
    return openDatabase({ kind: 'pglite', loadDataDir }, { migrate: false });
  }
  const name = `imdad_t_${process.ppid}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ ...poolConfigFromUrl(spec.url), database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${spec.template}"`);
  const url = new URL(spec.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
