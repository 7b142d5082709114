/**
 * A backup of the open embedded database, taken by the process that owns it (the server, or
 * `npm run backup` when no server runs), while it keeps serving.
 *
 * Why the copy is consistent without stopping anything: PGlite runs PostgreSQL in this thread,
 * and dumpDataDir reads every file of the data folder in one synchronous pass, so no statement
 * runs while it reads. The copy is exactly what a crash at that instant would leave on disk,
 * which PostgreSQL is built to recover from: when the backup is opened, the write-ahead log
 * is replayed, every committed transaction is there and one still open at that instant is
 * not. The checkpoint first writes committed changes into the data files, so that replay is short.
 */
import type { PGlite } from '@electric-sql/pglite';
import { backupFileName, pruneBackups, writeBackupFile, type BackupReason } from './backup-files.ts';

export interface BackupSettings {
  /** Where backups are written (DATA_DIR/backups by default). */
  dir: string;
  /** How many backups are kept: the newest. */
  keep: number;
}

/** Takes one backup into `settings.dir`, then prunes; returns the new file's path. */
export async function takeBackup(pglite: PGlite, settings: BackupSettings, reason: BackupReason, now = new Date()): Promise<string> {
  await pglite.exec('CHECKPOINT');
  const dump = await pglite.dumpDataDir('gzip');
  const file = await writeBackupFile(settings.dir, backupFileName(now, reason), new Uint8Array(await dump.arrayBuffer()));
  await pruneBackups(settings.dir, settings.keep);
  return file;
}

/** One backup at a time per database: the daily one and one asked for never run over each other. */
export function backupQueue(pglite: PGlite, settings: BackupSettings): (reason: BackupReason) => Promise<string> {
  let last: Promise<unknown> = Promise.resolve();
  return (reason) => {
    const next = last.then(() => takeBackup(pglite, settings, reason));
    last = next.catch(() => {});
    return next;
  };
}
