/**
 * The demo written ahead of time (seed/demo-template.ts): `npm install` makes today's, a new
 * data folder started from it holds the whole demo and its logins; a first start up to a week
 * later still copies it, and other code has a template of its own, so a stale demo is never copied.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/client.ts';
import { migrationNames } from '../../prisma/migration-state.ts';
import { DEMO_TEMPLATE_MAX_AGE_DAYS, demoTemplateName, findRecentDemoTemplate } from '../../seed/demo-template.ts';
import { demoLoginLines, ensureDemoTemplate, findDemoTemplate, seedDemoIfEmpty } from '../../seed/index.ts';
import { testDbKind } from '../helpers/db.ts';

describe.skipIf(testDbKind() === 'postgres')('the demo template (embedded database only)', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("a new data folder copied from today's demo template holds the demo, migrated, with its logins", async () => {
    const template = await ensureDemoTemplate(); // made by `npm install` the same day; else made here
    expect(template).not.toBeNull();
    expect(findDemoTemplate()).toBe(template);

    dir = await mkdtemp(path.join(tmpdir(), 'imdad-demo-template-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') }, { template: template! });
    try {
      expect(database.migrated).toEqual(migrationNames());
      expect(await database.db.center.count({ where: { id: { startsWith: 'demo_' } } })).toBeGreaterThan(0);
      expect(await database.db.donation.count({ where: { state: 'CONFIRMED' } })).toBeGreaterThan(0);
      expect(await demoLoginLines(database.db)).toContain('admin / demo-admin-1403 (PROVINCE_ADMIN)');
      expect(await seedDemoIfEmpty(database.db)).toBeNull(); // the demo is there: nothing written twice
    } finally {
      await database.close();
    }
  });

  it('is one per day: another day has none until one is made for it', () => {
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 86_400_000);
    expect(demoTemplateName(tomorrow)).not.toBe(demoTemplateName(today));
    expect(demoTemplateName(tomorrow).slice(0, -10)).toBe(demoTemplateName(today).slice(0, -10)); // same code, same hash
    expect(findDemoTemplate(tomorrow)).toBeNull();
  });

  it("serves a first start up to a week after the day it was made, not later", async () => {
    const template = await ensureDemoTemplate();
    const daysOn = (n: number) => new Date(Date.now() + n * 86_400_000);
    expect(findRecentDemoTemplate(daysOn(1))).toBe(template);
    expect(findRecentDemoTemplate(daysOn(DEMO_TEMPLATE_MAX_AGE_DAYS))).toBe(template);
    expect(findRecentDemoTemplate(daysOn(DEMO_TEMPLATE_MAX_AGE_DAYS + 1))).toBeNull();
    expect(findRecentDemoTemplate(daysOn(-1))).toBeNull(); // a clock set back does not see a demo of its future
  });
});
