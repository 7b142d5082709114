/**
 * Debian's headless Chromium for the browser tests (playwright-core drives it; `.ci/run`
 * installs it): one launch for every test file, and the request log each file checks to
 * prove that nothing left this machine (no font, script or data from the internet).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Appends every URL the context asks for to `into`. */
export function recordRequests(context: BrowserContext, into: string[]): void {
  context.on('request', (r) => into.push(r.url()));
}

/** The URLs that went anywhere but this machine (data: and blob: URLs never leave the page). */
export function outsideLocalhost(urls: readonly string[]): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
}

/**
 * The panel as a Persian staff member's desktop browser sees it: a fa-IR context of
 * 1280×900 whose requests go to `requested`, and its first page (20 s per step at most).
 */
export async function openPanelPage(
  browser: Browser,
  requested: string[],
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fa-IR', viewport: { width: 1280, height: 900 }, ...options });
  recordRequests(context, requested);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}
