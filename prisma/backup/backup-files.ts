/**
 * The embedded database's backups on disk: each one gzipped tar of the data folder (what
 * PGlite's dumpDataDir gives), named by when and why it was taken, so that names sort by age.
 * A backup is written beside its final name and renamed into place once complete: a file with
 * a backup's name is always whole. The newest `keep` are kept.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type BackupReason = 'daily' | 'manual' | 'before-migration';

export interface BackupFile {
  file: string;
  at: Date;
  reason: BackupReason;
}

const NAME = /^imdad-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)-(daily|manual|before-migration)\.tar\.gz$/;

/** e.g. imdad-2026-11-26T16-22-22.123Z-daily.tar.gz (no colons: they are not allowed in Windows names). */
export function backupFileName(at: Date, reason: BackupReason): string {
  return `imdad-${at.toISOString().replaceAll(':', '-')}-${reason}.tar.gz`;
}

/** The backups in `dir`, newest first; other files there are ignored. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const [date, time] = m[1]!.split('T') as [string, string];
      return [{ file: path.join(dir, name), at: new Date(`${date}T${time.replace(/-/g, ':')}`), reason: m[2] as BackupReason }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

function fsyncPath(p: string): void {
  const fd = openSync(p, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a backup whole, flushed to disk, then renames it into place; returns its path. */
export async function writeBackupFile(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const part = `${file}.part`;
  try {
    await writeFile(part, bytes);
    fsyncPath(part);
    await rename(part, file);
    fsyncPath(dir);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
  return file;
}

/** Removes all but the newest `keep` backups (and pieces of writes cut short); returns the removed. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep).map((b) => b.file);
  const parts = (await readdir(dir)).filter((n) => n.startsWith('imdad-') && n.endsWith('.tar.gz.part')).map((n) => path.join(dir, n));
  for (const file of [...old, ...parts]) await rm(file, { force: true });
  return old;
}
