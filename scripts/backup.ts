/**
 * `npm run backup`: a backup of the embedded database into BACKUP_DIR (default DATA_DIR/backups).
 * One process owns the database (prisma/data-dir-lock.ts): while the server runs, the server
 * takes it, asked over its socket (prisma/backup/backup-channel.ts); otherwise this process
 * opens the database and takes it. Prints the file's path. Messages in Persian and English,
 * for whoever runs the center's machine.
 */
import { loadConfig } from '../config.ts';
import { backupChannelPath, BackupChannelUnavailableError, requestBackup } from '../prisma/backup/backup-channel.ts';
import { takeBackup } from '../prisma/backup/take-backup.ts';
import { openDatabase } from '../prisma/client.ts';
import { DataDirInUseError } from '../prisma/data-dir-lock.ts';
import { isFreshDataDir } from '../prisma/pglite-template.ts';
import { embeddedDatabase, fail, say } from './bilingual.ts';

const config = loadConfig();
const database = embeddedDatabase(config.database, { fa: 'با pg_dump پشتیبان بگیرید', en: 'back it up with pg_dump' });
const { dataDir } = database;
if (isFreshDataDir(dataDir)) {
  fail(1, `در ${dataDir} هنوز پایگاه داده‌ای نیست که پشتیبان بخواهد.`, `There is no embedded database in ${dataDir} yet: nothing to back up.`);
}

let file: string;
try {
  const opened = await openDatabase(database, { migrate: false });
  try {
    file = await takeBackup(opened.pglite!, config.backups, 'manual');
  } finally {
    await opened.close();
  }
} catch (e) {
  if (!(e instanceof DataDirInUseError)) throw e;
  // The server has it open: the server takes the backup.
  try {
    file = await requestBackup(backupChannelPath(dataDir));
  } catch (err) {
    if (!(err instanceof BackupChannelUnavailableError)) throw err;
    fail(
      3,
      `سرور (شناسه ${e.pid}) پایگاه داده را در دست دارد و به درخواست پشتیبان پاسخ نداد (${err.message}). ` +
        `پشتیبان‌های روزانه‌اش در ${config.backups.dir} است؛ یا سرور را متوقف کنید و دوباره اجرا کنید.`,
      `The server (pid ${e.pid}) has the database open and did not answer the backup request (${err.message}). ` +
        `Its daily backups are in ${config.backups.dir}; or stop it and run this again.`,
    );
  }
}
say(`پشتیبان گرفته شد: ${file}`, `Backup written: ${file}`);
