/**
 * Prebuilds the templates a first start copies (`npm install` runs it; so can a Docker build):
 * the migrated, empty embedded database (prisma/pglite-template.ts), instead of running every
 * migration, and the same with today's demo written (seed/demo-template.ts), instead of
 * writing the demo at the first start. Both go into .cache/pglite.
 *
 *   node scripts/build-pglite-template.ts
 */
import { ensurePgliteTemplate, findPgliteTemplate } from '../prisma/pglite-template.ts';
import { ensureDemoTemplate, findDemoTemplate } from '../seed/index.ts';

const existing = findPgliteTemplate();
if (existing) {
  console.log(`up to date: the migrated template is there (${existing})`);
} else {
  const built = await ensurePgliteTemplate();
  console.log(built ? `built: ${built}` : 'no writable folder for the template');
  if (!built) process.exitCode = 1;
}
const demo = findDemoTemplate();
if (demo) {
  console.log(`up to date: today's demo template is there (${demo})`);
} else if (process.exitCode !== 1) {
  const built = await ensureDemoTemplate();
  // Not a failure: a first start then writes the demo itself.
  console.log(built ? `built: ${built}` : "no writable folder for today's demo template");
}
