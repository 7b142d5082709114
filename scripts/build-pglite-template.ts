/**
 * Prebuilds the migrated, empty embedded database a first start copies instead of running
 * every migration (prisma/pglite-template.ts), into .cache/pglite, e.g. in a Docker build step:
 *
 *   node scripts/build-pglite-template.ts
 */
import { ensurePgliteTemplate, findPgliteTemplate } from '../prisma/pglite-template.ts';

const existing = findPgliteTemplate();
if (existing) {
  console.log(`up to date: the migrated template is there (${existing})`);
} else {
  const built = await ensurePgliteTemplate();
  console.log(built ? `built: ${built}` : 'no writable folder for the template');
  if (!built) process.exitCode = 1;
}
