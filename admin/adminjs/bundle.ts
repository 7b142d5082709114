/**
 * The custom components bundle (admin/components, admin/ui), built with AdminJS's own
 * rollup setup BEFORE the server answers (AdminJS's adapters serve pages while a start-time
 * bundle is still being written). A build is skipped when nothing it depends on changed:
 * the bundle is stored in `.adminjs/` with a hash of its inputs, so a normal start reads a
 * file instead of running rollup (seconds). scripts/build-admin-bundle.ts prebuilds into the
 * same cache (e.g. in a Docker build); a read-only project falls back to a temporary folder.
 */
import { createHash } from 'node:crypto';
import { constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type AdminJS from 'adminjs';

/**
 * Two files of AdminJS's bundler folder, by their paths: its entry point ('adminjs/bundler')
 * loads Rollup and Babel, which only a stale bundle needs (see build below).
 */
const BUNDLER_DIR = new URL('./lib/backend/bundler/', import.meta.resolve('adminjs'));
const { ADMIN_JS_TMP_DIR } = (await import(new URL('./utils/constants.js', BUNDLER_DIR).href)) as { ADMIN_JS_TMP_DIR: string };
const { default: generateUserComponentEntry } = (await import(new URL('./generate-user-component-entry.js', BUNDLER_DIR).href)) as {
  default: (admin: AdminJS, entryPath: string) => string;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What components may import from: a change in any of these files rebuilds the bundle. */
const INPUT_ROOTS = ['admin/components', 'admin/ui', 'core', 'messenger', 'locales', 'package-lock.json'];

export interface ComponentsBundle {
  code: string;
  file: string;
  /** Short content hash, for cache validation (ETag). */
  etag: string;
  rebuilt: boolean;
}

function listFiles(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) {
    out.push(p);
    return;
  }
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    listFiles(path.join(p, e.name), out);
  }
}

function inputsHash(entry: string): string {
  const hash = createHash('sha256').update(entry).update(`\0${process.env.NODE_ENV === 'production' ? 'production' : 'development'}\0`);
  const files: string[] = [];
  for (const r of INPUT_ROOTS) listFiles(path.join(ROOT, r), files);
  for (const f of files.sort()) hash.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** `.adminjs` in the project, or a temporary folder when the project is read-only (a container's app user). */
async function bundleDir(): Promise<string> {
  for (const dir of [path.resolve(ROOT, ADMIN_JS_TMP_DIR), path.join(tmpdir(), 'imdad-adminjs')]) {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      return dir;
    } catch {
      // try the next place
    }
  }
  throw new Error('admin panel: no writable folder for the components bundle');
}

/** The prebuilt bundle when it is there and current (even in a read-only project), else null. */
function prebuilt(hash: string): string | null {
  const file = path.resolve(ROOT, ADMIN_JS_TMP_DIR, `components.${hash}.js`);
  return existsSync(file) ? file : null;
}

/** The bundle for the components registered on this AdminJS instance, built only when stale. */
export async function ensureComponentsBundle(admin: AdminJS, log: (msg: string) => void = () => {}): Promise<ComponentsBundle> {
  const entryFor = (dir: string) => generateUserComponentEntry(admin, dir);
  // The entry's imports are relative to its folder; the hash is taken for the project's folder.
  const projectDir = path.resolve(ROOT, ADMIN_JS_TMP_DIR);
  const hash = inputsHash(entryFor(projectDir));
  const ready = prebuilt(hash);
  if (ready) return { code: await readFile(ready, 'utf8'), file: ready, etag: hash, rebuilt: false };

  const dir = await bundleDir();
  const entry = entryFor(dir);
  const file = path.join(dir, `components.${hash}.js`);
  if (existsSync(file)) return { code: await readFile(file, 'utf8'), file, etag: hash, rebuilt: false };

  // Unique temporary names: parallel test workers may build at the same time; the rename is atomic.
  const tag = `${process.pid}.${Date.now()}`;
  const entryFile = path.join(dir, `entry.${tag}.js`);
  const outFile = path.join(dir, `components.${tag}.tmp.js`);
  const started = performance.now();
  await writeFile(entryFile, entry);
  try {
    const { componentsBundler } = await import('adminjs/bundler');
    componentsBundler.setInputOption('input', entryFile).setOutputOption('file', outFile);
    await componentsBundler.build();
    await rename(outFile, file);
  } finally {
    await rm(entryFile, { force: true });
    await rm(outFile, { force: true });
  }
  await removeOldBundles(dir, file);
  log(`admin components bundled in ${Math.round(performance.now() - started)} ms`);
  return { code: await readFile(file, 'utf8'), file, etag: hash, rebuilt: true };
}

/** Keeps the folder from growing: older bundles than the newest few are deleted. */
async function removeOldBundles(dir: string, keep: string): Promise<void> {
  const old = readdirSync(dir)
    .filter((f) => /^components\.[0-9a-f]{32}\.js$/.test(f) && path.join(dir, f) !== keep)
    .map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(4);
  await Promise.all(old.map(({ f }) => rm(path.join(dir, f), { force: true })));
}
