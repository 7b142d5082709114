/**
 * Prebuilds the migrated, empty embedded database a first start loads instead of running
 * every migration (prisma/pglite-template.ts), into .cache/pglite, e.g. in a Docker build step:
 *
 *   node scripts/build-pglite-template.ts
 */
import { openDatabase } from '../prisma/client.ts';
import { readPgliteTemplate, writePgliteTemplate } from '../prisma/pglite-template.ts';

if (await readPgliteTemplate()) {
  console.log('up to date: the migrated template is there');
} else {
  const database = await openDatabase({ kind: 'pglite' }, { migrate: true });
  const written = await writePgliteTemplate(database.pglite!);
  await database.close();
  console.log(written ? `built (${database.migrated.length} migrations)` : 'no writable folder for the template');
  if (!written) process.exitCode = 1;
}
