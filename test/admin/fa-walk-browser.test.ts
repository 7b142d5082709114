/**
 * A walk through the Persian panel in Chromium, as the province admin (who reads every
 * resource): every list page and one record page per resource, and the overdue tasks page. The page must read as
 * Persian: no Latin-alphabet word that is not a code or a name (a short allow-list below says
 * why each is allowed) and no raw locale key. One browser, one page, one walk.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_RESOURCES } from '../../admin/access.ts';
import type { Database } from '../../prisma/client.ts';
import { buildTestAdmin } from '../helpers/admin.ts';
import { createAdminWorld, type AdminWorld } from '../helpers/admin-world.ts';
import { launchChromium, openPanelPage, skipBrowserTests } from '../helpers/chromium.ts';
import { createTestDatabase } from '../helpers/db.ts';

/**
 * Latin words a Persian page may show. Codes (ids, usernames, trace numbers) carry digits,
 * `_` or `-` and are not words; these are the rest.
 */
const ALLOWED_LATIN = new Set([
  // Money and bank codes as printed on Iranian bank papers.
  'IR',
  'IBAN',
  // The messengers' own names.
  'Bale',
  'Telegram',
]);

/**
 * The Latin words of a text that are neither codes nor allowed (a raw key such as
 * `admin.login` or `navCenters` is one), each with the text around it. `initial` is the
 * avatar's letter in the top bar: the first letter of the login's username, a code.
 */
function strayLatin(text: string, initial: string): string[] {
  const stray: string[] = [];
  for (const m of text.matchAll(/[^\s«»()،؛:,;!?"']+/g)) {
    const t = m[0];
    if (!/[A-Za-z]/.test(t) || /[0-9_\-@]/.test(t) || ALLOWED_LATIN.has(t.replace(/[.…]+$/, '')) || t === initial) continue;
    stray.push(`${t} in «${text.slice(Math.max(0, m.index - 30), m.index + t.length + 30).replace(/\s+/g, ' ')}»`);
  }
  return stray;
}

let database: Database;
let app: FastifyInstance;
let world: AdminWorld;
let browser: Browser;
let page: Page;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestAdmin(database);
  world = await createAdminWorld(database.db, app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  if (skipBrowserTests()) return;
  browser = await launchChromium();
  const opened = await openPanelPage(browser, requested);
  page = opened.page;
  const [name, ...value] = world.logins.PROVINCE_ADMIN.cookie.split('=');
  await opened.context.addCookies([{ name: name!, value: value.join('='), url: origin }]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function pageText(): Promise<string> {
  // The sidebar, the top bar and the content: everything a staff member reads.
  return page.locator('body').innerText();
}

describe.skipIf(skipBrowserTests())('the Persian panel, page by page', () => {
  it('reads as Persian on every list page and one record page per resource', async () => {
    const found: string[] = [];
    const initial = world.logins.PROVINCE_ADMIN.user.username.charAt(0).toUpperCase();
    let first = true;
    for (const resource of ADMIN_RESOURCES) {
      await page.goto(`${origin}/admin/resources/${resource}`);
      // The first page loads AdminJS's whole bundle: slow on a busy machine.
      // A list has rows, or says it has none (AdminJS shows no table then).
      const list = page.locator(`[data-css="${resource}-list"]`);
      await list.waitFor({ timeout: first ? 90_000 : 20_000 });
      await list.locator('table tbody tr, [data-css*="no-records"], h3, h4').first().waitFor();
      first = false;
      await page.waitForLoadState('networkidle');
      for (const word of strayLatin(await pageText(), initial)) found.push(`${resource} list: ${word}`);

      const id = world.records[resource as keyof AdminWorld['records']]?.home;
      if (!id) continue;
      await page.goto(`${origin}/admin/resources/${resource}/records/${encodeURIComponent(id)}/show`);
      await page.waitForSelector(`[data-css^="${resource}-show"]`);
      await page.waitForLoadState('networkidle');
      for (const word of strayLatin(await pageText(), initial)) found.push(`${resource} show: ${word}`);
    }
    expect(found).toEqual([]);
  }, 600_000);

  it("reads as Persian on the overdue tasks page, each task linking to its own page", async () => {
    await page.goto(`${origin}/admin/resources/TrusteeTask/actions/overdueTasks`);
    const table = page.locator('[data-testid=overdue-tasks]');
    await table.waitFor({ timeout: 30_000 });
    // The world's tasks were due on a day now past: one per center.
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody a').first().getAttribute('href')).toMatch(/\/admin\/resources\/TrusteeTask\/records\/[^/]+\/show$/);
    const initial = world.logins.PROVINCE_ADMIN.user.username.charAt(0).toUpperCase();
    expect(strayLatin(await pageText(), initial)).toEqual([]);
  }, 60_000);
});
