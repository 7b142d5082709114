/**
 * A migrated, empty embedded database kept as a data folder (the template), so a first start
 * on a new data folder copies it instead of creating the cluster and running every migration
 * (PGlite's initdb plus the migrations took most of a first `npm start`: tens of seconds on a
 * busy 2-core machine). A plain file copy, then a normal open, like any later start: loading a
 * dump (PGlite's `loadDataDir`, the template was a tar before) took about 2 s and left hundreds
 * of MB more resident, since the archive is unpacked through the database's WASM memory,
 * which never shrinks; the copy takes 0.3-0.5 s.
 *
 * The template is keyed by a hash of the migrations and the PGlite version: a new migration or
 * a PGlite upgrade makes a new one, the old is never used again. Like the components bundle
 * (admin/adminjs/bundle.ts) it is made on first need, in `.cache/` or a temporary folder when
 * the project is read-only; scripts/build-pglite-template.ts prebuilds it (e.g. in a Docker build).
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteMigrationAdapter } from './engine/adapters.ts';
import { applyPendingMigrations, migrationsDir } from './engine/schema-engine.ts';
import { isAlive } from './data-dir-lock.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIRS = [path.join(ROOT, '.cache', 'pglite'), path.join(tmpdir(), 'imdad-pglite')];
/** Written last into a copy: a data folder without it is a new one (see isFreshDataDir). */
const MARKER = 'PG_VERSION';

/** A data folder PGlite has not made a cluster in yet (no PG_VERSION file). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, MARKER));
}

/** The migrated template's name: a hash of the migrations and the PGlite version. */
export function migratedTemplateName(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\0`);
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) continue;
    hash.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  return `migrated-${hash.digest('hex').slice(0, 24)}`;
}

/** The current template's folder, or null when none was made for these migrations yet. */
export function findPgliteTemplate(): string | null {
  return findTemplate(migratedTemplateName());
}

/** The folder of the template named `name` (the migrated one, or one made from it), or null. */
export function findTemplate(name: string): string | null {
  for (const dir of DIRS) {
    // Only ever renamed into place whole (see buildPgliteTemplate): if it is there, it is complete.
    const folder = path.join(dir, name);
    if (existsSync(path.join(folder, MARKER))) return folder;
  }
  return null;
}

/** The current template, built first when missing; null if nowhere is writable. */
export async function ensurePgliteTemplate(): Promise<string | null> {
  return findPgliteTemplate() ?? buildPgliteTemplate();
}

/**
 * Makes the template: a new PGlite migrated with the same engine as every open (./engine) and
 * closed cleanly, built beside its final place and renamed in whole (buildTemplate).
 */
function buildPgliteTemplate(): Promise<string | null> {
  return buildTemplate(migratedTemplateName(), 'migrated-', async (dataDir) => {
    await mkdir(dataDir);
    const pglite = await PGlite.create({ dataDir });
    try {
      await applyPendingMigrations(pgliteMigrationAdapter(pglite));
    } finally {
      await pglite.close();
    }
  });
}

/**
 * Makes a template named `name`: `fill` gets a new data folder beside its final place to open,
 * write and close, which is then renamed into place, so a start looking at the same moment
 * (tests run in parallel processes) sees all of it or none. Of two processes building at once,
 * the second rename fails and that process uses the first one's template. Older templates whose
 * names start with `family` are removed. Used for the migrated template and, from it, the demo's
 * (seed/demo-template.ts).
 */
export async function buildTemplate(name: string, family: string, fill: (dataDir: string) => Promise<void>): Promise<string | null> {
  for (const dir of DIRS) {
    const part = path.join(dir, `${name}.${process.pid}.part`);
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      await rm(part, { recursive: true, force: true });
      await fill(part);
      const folder = path.join(dir, name);
      try {
        await rename(part, folder);
      } catch (e) {
        if (!existsSync(path.join(folder, MARKER))) throw e;
        await rm(part, { recursive: true, force: true }); // another process was first
      }
      await removeOldTemplates(dir, name, family);
      return folder;
    } catch {
      await rm(part, { recursive: true, force: true }).catch(() => {});
      // try the next place
    }
  }
  return null;
}

/** Templates of older migrations (40 MB each, folders, or .tar files before) are never read again;
 * nor are the leftovers of a build whose process died. */
async function removeOldTemplates(dir: string, current: string, family: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (!entry.startsWith(family) || entry === current) continue;
    const builder = /\.(\d+)\.part(\.lock)?$/.exec(entry);
    if (builder && isAlive(Number(builder[1]))) continue;
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * Copies the template into a new data folder, PG_VERSION last: a copy cut short (a crash, a
 * full disk) still looks new to the next start, which copies again over it. Synchronous on
 * purpose: fs.cpSync copies natively, the promise-based fs.cp file by file in JavaScript
 * (measured on ~1,000 files, 38 MB: 0.3-0.5 s against about 1 s), and nothing else is running yet.
 * The data folder's lock (./data-dir-lock.ts) is a file beside the folder, never inside it,
 * so there is none in the template to copy.
 */
export function copyPgliteTemplate(template: string, dataDir: string): void {
  const marker = path.join(template, MARKER);
  // COPYFILE_FICLONE: a copy-on-write clone where the file system can (btrfs, xfs), else a copy.
  cpSync(template, dataDir, { recursive: true, mode: constants.COPYFILE_FICLONE, filter: (source) => source !== marker });
  copyFileSync(marker, path.join(dataDir, MARKER));
}

