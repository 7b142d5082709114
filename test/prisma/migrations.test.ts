/**
 * The migrations folder applies cleanly (here, to the database kind under
 * test) and matches the schema; the offline schema engine stand-in lets the
 * Prisma CLI author a new migration.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrationNames, readMigrationState } from '../../prisma/migration-state.ts';
import { useTestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const prismaBin = path.join(root, 'node_modules/.bin/prisma');

describe('migrations', () => {
  const database = useTestDatabase();

  it('every migration of the folder is applied, none failed', async () => {
    const state = await readMigrationState(database.db);
    expect(state.applied).toBe(migrationNames().length);
    expect(state.pending).toEqual([]);
    expect(state.failed).toEqual([]);
  });

  it('the migrations produce exactly the schema (no drift)', async () => {
    const { stdout } = await run(
      prismaBin,
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema', '--exit-code'],
      { cwd: root, env: { ...process.env, DATABASE_URL: '' } },
    ).catch((e) => {
      throw new Error(`schema and migrations differ:\n${e.stdout}\n${e.stderr}`);
    });
    expect(stdout).toMatch(/No difference detected|empty migration/i);
    // The Prisma CLI starts a WebAssembly schema engine: about 10 s alone, longer beside another worker.
  }, 120_000);
});

/** The database kind under test: a new PostgreSQL database (the CLI creates it) or a PGlite folder. */
function targetUrl(work: string): string {
  const spec = inject('testDb');
  if (spec.kind === 'pglite') return `pglite:${path.join(work, 'db')}`;
  const url = new URL(spec.url);
  url.pathname = `/imdad_t_${process.ppid}_migrate_dev`; // dropped with the run's other copies
  return url.toString();
}

describe('prisma CLI through the offline schema engine', () => {
  let work: string;
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('`migrate dev --name x` creates and applies a migration from a schema change', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'imdad-migrate-dev-'));
    await cp(path.join(root, 'prisma/schema'), path.join(work, 'prisma/schema'), { recursive: true });
    await cp(path.join(root, 'prisma/migrations'), path.join(work, 'prisma/migrations'), { recursive: true });
    await writeFile(
      path.join(work, 'prisma/schema/zz-probe.prisma'),
      'model MigrationProbe {\n  id    Int    @id @default(autoincrement())\n  label String\n}\n',
    );
    await writeFile(
      path.join(work, 'prisma.config.ts'),
      `import { defineConfig } from 'prisma/config';
       process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(root, 'prisma/engine/schema-engine'))};
       export default defineConfig({ schema: 'prisma/schema', migrations: { path: 'prisma/migrations' },
         datasource: { url: ${JSON.stringify(targetUrl(work))} } });`,
    );
    await symlink(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
    const { stdout } = await run(prismaBin, ['migrate', 'dev', '--name', 'probe'], {
      cwd: work,
      env: { ...process.env, DATABASE_URL: '' },
    }).catch((e) => {
      throw new Error(`migrate dev failed:\n${e.stdout}\n${e.stderr}`);
    });
    expect(stdout).toContain('_probe');
    const created = (await readdir(path.join(work, 'prisma/migrations'))).filter((n) => n.endsWith('_probe'));
    expect(created).toHaveLength(1);
    const sql = await readFile(path.join(work, 'prisma/migrations', created[0]!, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    expect(sql).not.toMatch(/DROP|CREATE TABLE "Center"/); // only the change, nothing re-created
  }, 180_000); // the CLI starts the wasm engine and a shadow database: slow on PGlite
});
