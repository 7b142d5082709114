/**
 * `npm run restore -- <file>`: replaces the embedded database with a backup (prisma/backup/
 * restore-backup.ts): the file is checked first and refused if damaged, with the current data
 * untouched; the current data is then put aside, not deleted. Refused while the server runs:
 * stop it, restore, start it. Messages in Persian and English.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { BackupRejectedError, restoreBackup } from '../prisma/backup/restore-backup.ts';
import { DataDirInUseError } from '../prisma/data-dir-lock.ts';
import { embeddedDatabase, fail, say } from './bilingual.ts';

const config = loadConfig();
const { dataDir } = embeddedDatabase(config.database, { fa: 'با pg_restore بازگردانی کنید', en: 'restore it with pg_restore' });
const arg = process.argv[2];
if (!arg) fail(2, 'استفاده: npm run restore -- <پرونده پشتیبان>', 'usage: npm run restore -- <backup file>');
// npm runs scripts in the project's folder; a relative path means the one the command was typed in.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
if (!existsSync(file)) fail(2, `پرونده ${file} پیدا نشد.`, `${file} does not exist.`);

try {
  const { previous, migrations } = await restoreBackup(file, dataDir);
  say(`پایگاه داده از ${file} بازگردانده شد (${migrations} مهاجرت).`, `The database in ${dataDir} was restored from ${file} (${migrations} migrations applied in it).`);
  if (previous) {
    say(`داده‌های پیشین در ${previous} نگه داشته شد؛ پس از اطمینان می‌توانید پاکش کنید.`, `The data it replaced is kept in ${previous}; delete it once you are satisfied.`);
  }
  say('اکنون سرور را راه بیندازید (npm start)؛ مهاجرت‌های تازه‌تر خودکار اجرا می‌شوند.', 'Now start the server (npm start); newer migrations, if any, are applied then.');
} catch (e) {
  if (e instanceof DataDirInUseError) {
    fail(
      3,
      `سرور (شناسه ${e.pid}) پایگاه داده را در دست دارد. بازگردانی همهٔ داده‌ها را جایگزین می‌کند: نخست سرور را متوقف کنید، سپس دوباره اجرا کنید.`,
      `The server (pid ${e.pid}) has the database open. A restore replaces all data: stop the server first, then run this again.`,
    );
  }
  if (e instanceof BackupRejectedError) {
    fail(1, `بازگردانی نشد و داده‌های کنونی دست‌نخورده ماند: ${e.message}`, `Not restored; the current data is untouched: ${e.message}`);
  }
  throw e;
}
