/**
 * A fresh database for one test file, copied from the migrated template of
 * test/global-setup.ts: a real PGlite or PostgreSQL, never a mocked client.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
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

/**
 * What a test file (or describe) opens before its first test and closes after its last: the
 * one shape of every use* helper. The answer reads it, inside hooks and tests only (it does
 * not exist while the file is being collected); `what` names it in that mistake's message.
 */
export function openedInBeforeAll<T>(what: string, open: () => Promise<T>, close?: (opened: T) => Promise<unknown>, timeoutMs?: number): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  }, timeoutMs);
  if (close) afterAll(async () => opened !== undefined && (await close(opened)));
  return () => {
    if (opened === undefined) throw new Error(`${what} opens in beforeAll; read it in a hook or a test`);
    return opened;
  };
}

/** A fresh database for the enclosing describe (or the file), closed after its last test. */
export function useTestDatabase(): Database {
  const open = openedInBeforeAll('useTestDatabase: the database', createTestDatabase, (database) => database.close());
  return {
    get db() { return open().db; },
    get kind() { return open().kind; },
    get pglite() { return open().pglite; },
    get pool() { return open().pool; },
    get migrated() { return open().migrated; },
    close: () => open().close(),
  };
}
