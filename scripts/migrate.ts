/**
 * `npm run db:migrate`: applies pending migrations to the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR) with the same engine and
 * bookkeeping as `prisma migrate deploy`, but without the Prisma CLI, so the
 * production image can run it with production dependencies only. An embedded database that
 * has migrations pending is backed up into BACKUP_DIR first.
 */
import { loadConfig } from '../config.ts';
import { takeBackup } from '../prisma/backup/take-backup.ts';
import { openDatabase } from '../prisma/client.ts';

const config = loadConfig();
const database = await openDatabase(config.database, {
  migrate: true,
  // The embedded database is backed up before migrations change it (PostgreSQL: pg_dump first, see the README).
  beforeMigrating: async (pglite) => console.log(`backup before migrating: ${await takeBackup(pglite, config.backups, 'before-migration')}`),
});
console.log(database.migrated.length ? `applied: ${database.migrated.join(', ')}` : 'the database is up to date');
await database.close();
