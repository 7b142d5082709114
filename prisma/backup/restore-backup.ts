/**
 * Restores a backup of the embedded database into its data folder, whole or not at all.
 *
 * 1. The backup is loaded into a new folder beside the data folder and checked there: the
 *    gzip must be intact (its checksum covers every byte), the tar whole (./check-tar.ts),
 *    PostgreSQL must open it, it must be this app's database with no migration this version
 *    does not know, and every table must read to its end. A file that fails any of it is
 *    refused and the data folder is not touched.
 * 2. The swap: a marker file names the new folder and where the current one goes, then two
 *    renames on the same file system put the current folder aside and the new one in its place.
 *    A crash between them is finished by the next open or restore (finishInterruptedRestore),
 *    so the data folder is the old database or the restored one, never a mix, and never
 *    missing (a start on a missing folder would create an empty demo database).
 * The current data is kept aside (`db.before-restore-<time>`), not deleted.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../data-dir-lock.ts';
import { tarProblem } from './check-tar.ts';
import { migrationNames } from '../migration-state.ts';

export class BackupRejectedError extends Error {
  constructor(file: string, why: string) {
    super(`${file} cannot be restored: ${why}`);
    this.name = 'BackupRejectedError';
  }
}

export interface RestoreResult {
  /** Where the data that was replaced now is; null when the data folder was empty or missing. */
  previous: string | null;
  /** Migrations the restored database has applied. */
  migrations: number;
}

function markerOf(dataDir: string): string {
  return `${dataDir}.restoring`;
}

function hasContents(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Completes a swap a crash cut short (see the file's comment); nothing when there is none.
 * Only the holder of the data folder's lock calls it.
 */
export function finishInterruptedRestore(dataDir: string): void {
  const marker = markerOf(dataDir);
  if (!existsSync(marker)) return;
  const { staging, previous } = JSON.parse(readFileSync(marker, 'utf8')) as { staging: string; previous: string | null };
  if (existsSync(staging)) {
    if (hasContents(dataDir)) {
      if (!previous || existsSync(previous)) {
        throw new Error(`An interrupted restore left two databases: ${dataDir} and ${staging}. Move the one you do not want out of ${path.dirname(dataDir)}, then delete ${marker}.`);
      }
      renameSync(dataDir, previous);
    } else {
      rmSync(dataDir, { recursive: true, force: true }); // missing, or the empty folder the lock makes
    }
    renameSync(staging, dataDir);
    fsyncDir(path.dirname(dataDir));
  }
  rmSync(marker);
}

/** Loads the backup into `staging` (a new folder) and checks it there; throws BackupRejectedError. */
async function loadAndCheck(file: string, staging: string): Promise<number> {
  let tar: Buffer;
  try {
    tar = gunzipSync(await readFile(file));
  } catch (e) {
    throw new BackupRejectedError(file, `it is not a complete backup (${(e as Error).message})`);
  }
  const problem = tarProblem(tar);
  if (problem) throw new BackupRejectedError(file, problem);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([tar], { type: 'application/x-tar' }) });
  } catch (e) {
    throw new BackupRejectedError(file, `PostgreSQL cannot open it (${(e as Error).message || String(e)})`);
  }
  try {
    const [{ exists }] = (await pglite.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`)).rows as [{ exists: boolean }];
    if (!exists) throw new BackupRejectedError(file, 'it is not a database of this app (no migrations table)');
    const applied = (await pglite.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows;
    const known = new Set(migrationNames());
    const unknown = applied.filter((m) => !known.has(m.name)).map((m) => m.name);
    if (unknown.length) throw new BackupRejectedError(file, `it was made by a newer version of the app (migrations ${unknown.join(', ')}); upgrade first`);
    // Reading every row reads every page: a damaged one fails here rather than after the swap.
    const tables = (await pglite.query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`)).rows;
    for (const { name } of tables) {
      try {
        await pglite.query(`SELECT count(*) FROM (SELECT * FROM ${name}) AS every_row`);
      } catch (e) {
        throw new BackupRejectedError(file, `table ${name} cannot be read (${(e as Error).message})`);
      }
    }
    return applied.length;
  } finally {
    await pglite.close();
  }
}

/**
 * Replaces the embedded database in `dataDir` with the backup in `file`. Takes the data
 * folder's lock: throws DataDirInUseError while a server (or anything else) has it open.
 */
export async function restoreBackup(file: string, dataDir: string, now = new Date()): Promise<RestoreResult> {
  const unlock = lockDataDir(dataDir);
  try {
    finishInterruptedRestore(dataDir);
    const base = path.basename(dataDir);
    const parent = path.dirname(dataDir);
    // Folders of restores whose process died before the swap: nothing refers to them.
    for (const name of readdirSync(parent)) if (name.startsWith(`${base}.restore-`)) rmSync(path.join(parent, name), { recursive: true, force: true });

    const staging = path.join(parent, `${base}.restore-${process.pid}`);
    let migrations: number;
    try {
      migrations = await loadAndCheck(file, staging);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw e;
    }
    const previous = hasContents(dataDir) ? `${dataDir}.before-restore-${now.toISOString().replaceAll(':', '-')}` : null;
    const marker = markerOf(dataDir);
    writeFileSync(marker, JSON.stringify({ staging, previous }));
    const fd = openSync(marker, 'r');
    fsyncSync(fd);
    closeSync(fd);
    finishInterruptedRestore(dataDir); // the swap itself: the same steps a recovery takes
    return { previous, migrations };
  } finally {
    unlock();
  }
}
