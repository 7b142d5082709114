/**
 * The demo, written ahead of time: `npm install` (scripts/build-pglite-template.ts) makes a
 * template of the embedded database with the demo written for that day, and a first
 * `npm start` on a new data folder that day copies it instead of writing the demo. Writing it
 * plays the demo's history through core (seed/demo.ts): about 3 s of CPU, most of a first start.
 *
 * The demo is built around its day (dates, due tasks, this month's gifts), so the template is
 * for one UTC day, the one seedDemo uses. A first start on a later day still copies it, up to
 * a week old: a data folder started on the install day would show that same demo a few days on,
 * and writing the demo anew costs more than the rest of the start together. Older than that,
 * the start writes a fresh one. Its name also hashes the migrated template's (migrations, PGlite) and the code that writes
 * the demo (seed/, core/, fixtures/, messenger/): after an update it is never used stale.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { utcDay } from '../fixtures/values.ts';
import { openDatabase } from '../prisma/client.ts';
import { buildTemplate, findTemplate, migratedTemplateName } from '../prisma/pglite-template.ts';
import { seedDemo } from './demo.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['seed', 'core', 'fixtures', 'messenger'];
const FAMILY = 'demo-';

function sourcesHash(): string {
  const hash = createHash('sha256').update(migratedTemplateName());
  for (const folder of SOURCES) {
    const files = readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|json)$/.test(f))
      .sort();
    for (const file of files) hash.update(`${folder}/${file}\0`).update(readFileSync(path.join(ROOT, folder, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

export function demoTemplateName(today = new Date(), hash = sourcesHash()): string {
  return `${FAMILY}${hash}-${utcDay(today).toISOString().slice(0, 10)}`;
}

/** Today's demo template, or null when none was made today. */
export function findDemoTemplate(today = new Date()): string | null {
  return findTemplate(demoTemplateName(today));
}

/** How many days old a demo template may be and still serve a first start. */
export const DEMO_TEMPLATE_MAX_AGE_DAYS = 7;

/** The newest demo template of this code at most a week old, or null (then the demo is written at start). */
export function findRecentDemoTemplate(today = new Date()): string | null {
  const hash = sourcesHash();
  for (let age = 0; age <= DEMO_TEMPLATE_MAX_AGE_DAYS; age++) {
    const found = findTemplate(demoTemplateName(new Date(today.getTime() - age * 86_400_000), hash));
    if (found) return found;
  }
  return null;
}

/** Today's demo template, made when missing; null if nowhere is writable. */
export async function ensureDemoTemplate(today = new Date()): Promise<string | null> {
  const name = demoTemplateName(today);
  return (
    findTemplate(name) ??
    buildTemplate(name, FAMILY, async (dataDir) => {
      const database = await openDatabase({ kind: 'pglite', dataDir });
      try {
        await seedDemo(database.db, { today, force: true });
      } finally {
        await database.close();
      }
    })
  );
}
