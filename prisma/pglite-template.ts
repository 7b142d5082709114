/**
 * A migrated, empty embedded database kept as a file, so a first start on a new data folder
 * loads it instead of creating the cluster and running every migration (PGlite's initdb plus
 * the migrations took most of a first `npm start`: tens of seconds on a busy 2-core machine,
 * loading the copy a few). The copy is keyed by a hash of the migrations and the PGlite
 * version: a new migration or a PGlite upgrade makes a new one, the old is never used again.
 * Like the components bundle (admin/adminjs/bundle.ts) it is written on first need, in
 * `.cache/` or a temporary folder when the project is read-only; scripts/build-pglite-template.ts
 * prebuilds it (e.g. in a Docker build).
 */
import { createHash } from 'node:crypto';
import { constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrationsDir } from './engine/schema-engine.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIRS = [path.join(ROOT, '.cache', 'pglite'), path.join(tmpdir(), 'imdad-pglite')];

/** A data folder PGlite has not made a cluster in yet (no PG_VERSION file). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}

function templateName(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\0`);
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) continue;
    hash.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  return `migrated-${hash.digest('hex').slice(0, 24)}.tar`;
}

/** The current template, or null when none was made for these migrations yet. */
export async function readPgliteTemplate(): Promise<Blob | null> {
  const name = templateName();
  for (const dir of DIRS) {
    const file = path.join(dir, name);
    if (existsSync(file)) return new Blob([await readFile(file)]);
  }
  return null;
}

/** Saves `pglite` (just migrated, nothing else written) as the template; false if nowhere is writable. */
export async function writePgliteTemplate(pglite: PGlite): Promise<boolean> {
  const name = templateName();
  const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  for (const dir of DIRS) {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      // Written aside and renamed: a start reading it at the same moment sees all of it or none.
      const part = path.join(dir, `${name}.${process.pid}.part`);
      await writeFile(part, dump);
      await rename(part, path.join(dir, name));
      // Templates of older migrations are never read again (40 MB each).
      for (const old of await readdir(dir)) {
        if (old.startsWith('migrated-') && old.endsWith('.tar') && old !== name) await rm(path.join(dir, old), { force: true });
      }
      return true;
    } catch {
      // try the next place
    }
  }
  return false;
}
