/**
 * A browser test file's panel: the app listening on 127.0.0.1 (a free port) over the file's
 * database, and Chromium's page on it as a Persian staff member's desktop browser sees it
 * (openPanelPage), every request it makes appended to `requested` for the "nothing left
 * this machine" check.
 *
 *   const panel = usePanelInBrowser(async (db) => { user = await createPanelUser(db, …); });
 *   it('…', async () => {
 *     await logInThroughForm(panel.page, panel.origin, user);
 *     await saveScreenshot(panel.page, 'the-form');      // test/artifacts/the-form.png
 *   });
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Db } from '../../prisma/client.ts';
import { buildTestAdmin } from './admin.ts';
import { launchChromium, openPanelPage, skipBrowserTests } from './chromium.ts';
import { createTestDatabase } from './db.ts';

/** Where the browser tests save their screenshots (not committed). */
const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

export interface PanelInBrowser {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openPanelInBrowser(database: Database, requested: string[], contextOptions: BrowserContextOptions = {}): Promise<PanelInBrowser> {
  const app = await buildTestAdmin(database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const browser = await launchChromium();
  const { context, page } = await openPanelPage(browser, requested, contextOptions);
  return {
    app,
    origin: `http://127.0.0.1:${address.port}`,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Logs in through the login form, as a person would, and waits to be let into the panel. */
export async function logInThroughForm(page: Page, origin: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${origin}/admin/login`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForURL(`${origin}/admin**`), page.click('button[type=submit]')]);
}

/** Picks an option of a core action form's select by its label, as a person types it and presses Enter. */
export async function chooseInForm(page: Page, field: string, label: string): Promise<void> {
  await page.fill(`#core-action-${field}`, label);
  await page.keyboard.press('Enter');
}

/** What a browser test file reads of its panel: in hooks and tests (it opens in beforeAll). */
export interface PanelSession {
  readonly database: Database;
  readonly origin: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the browser asked for. */
  readonly requested: string[];
}

/**
 * For one browser test file: a fresh database, `seed` writing the file's records into it,
 * then the panel and Chromium on it; all closed after the file. Where Chromium cannot start
 * nothing is set up: the file's tests are skipped (describe.skipIf(skipBrowserTests())).
 */
export function usePanelInBrowser(seed: (db: Db) => Promise<void>, contextOptions: BrowserContextOptions = {}): PanelSession {
  let database: Database | undefined;
  let panel: PanelInBrowser | undefined;
  const requested: string[] = [];
  beforeAll(async () => {
    if (skipBrowserTests()) return;
    database = await createTestDatabase();
    await seed(database.db);
    panel = await openPanelInBrowser(database, requested, contextOptions);
  }, 180_000);
  afterAll(async () => {
    await panel?.close();
    await database?.close();
  });
  const open = () => {
    if (!database || !panel) throw new Error('usePanelInBrowser: the panel opens in beforeAll; read it in a hook or a test');
    return { database, panel };
  };
  return {
    get database() { return open().database; },
    get origin() { return open().panel.origin; },
    get context() { return open().panel.context; },
    get page() { return open().panel.page; },
    requested,
  };
}

/** Saves the page, whole, as test/artifacts/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
