/**
 * `npm run db:migrate`: applies pending migrations to the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR) with the same engine and
 * bookkeeping as `prisma migrate deploy`, but without the Prisma CLI, so the
 * production image can run it with production dependencies only.
 */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../prisma/client.ts';

const config = loadConfig();
const database = await openDatabase(config.database, { migrate: true });
console.log(database.migrated.length ? `applied: ${database.migrated.join(', ')}` : 'the database is up to date');
await database.close();
