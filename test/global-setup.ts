/**
 * Migrates one template database per run, which every test file then copies:
 * PGlite through a data-dir dump, PostgreSQL through CREATE DATABASE … TEMPLATE.
 * TEST_DATABASE_URL (a PostgreSQL server URL) selects PostgreSQL; otherwise PGlite.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteMigrationAdapter, pgMigrationAdapter, poolConfigFromUrl } from '../prisma/engine/adapters.ts';
import { applyPendingMigrations } from '../prisma/engine/schema-engine.ts';
import { browserTestsSkippedLine, whyChromiumCannotStart } from './helpers/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; templateFile: string } | { kind: 'postgres'; url: string; template: string };
    /** Why Chromium cannot start here (null: it can). */
    chromium: { missing: string | null };
  }
}

/** Tries Chromium once, while the template migrates, and says so in one line when it cannot start. */
async function provideChromium(project: TestProject): Promise<void> {
  const required = process.env.REQUIRE_BROWSER_TESTS === '1';
  const missing = await whyChromiumCannotStart();
  // CI requires the browser: the run stops here, before any file, saying why.
  if (missing && required) throw new Error(`REQUIRE_BROWSER_TESTS=1 and Chromium cannot start: ${missing}`);
  if (missing) console.warn(browserTestsSkippedLine(missing));
  project.provide('chromium', { missing });
}

export default async function setup(project: TestProject) {
  const chromium = provideChromium(project);
  try {
    return await setupDatabase(project);
  } finally {
    await chromium;
  }
}

/** A vitest run started by a test (test/browser-skip.test.ts) reuses its parent's template, which the parent removes. */
export const INHERITED_TEMPLATE = 'TEST_DB_INHERITED_TEMPLATE';

async function setupDatabase(project: TestProject) {
  const inherited = process.env[INHERITED_TEMPLATE];
  if (inherited) {
    project.provide('testDb', JSON.parse(inherited));
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `imdad_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ ...poolConfigFromUrl(url), database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    await applyPendingMigrations(pgMigrationAdapter(templateUrl.toString()));
    project.provide('testDb', { kind: 'postgres', url, template });
    return async () => {
      // Copies left behind by a crashed file are dropped with the template.
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`imdad_t_${process.pid}_%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'imdad-test-'));
  const pglite = new PGlite();
  await applyPendingMigrations(pgliteMigrationAdapter(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const templateFile = path.join(dir, 'template.tar');
  await writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDb', { kind: 'pglite', templateFile });
  return () => rm(dir, { recursive: true, force: true });
}
