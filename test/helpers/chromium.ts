/**
 * Debian's headless Chromium for the browser tests (playwright-core drives it; `.ci/run`
 * installs it): one launch for every test file, and the request log each file checks to
 * prove that nothing left this machine (no font, script or data from the internet).
 *
 * A machine without a Chromium that starts skips the browser tests (test/global-setup.ts
 * tries it once and says why, in one line), so `npm test` passes on a fresh machine;
 * with REQUIRE_BROWSER_TESTS=1 (set by `.ci/run`) the run fails instead.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** CHROMIUM_PATH, or Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Why the browser tests cannot run here (the first line of the launch error), or null when
 * Chromium starts. Called once per run, by test/global-setup.ts.
 */
export async function whyChromiumCannotStart(executablePath = chromiumPath()): Promise<string | null> {
  try {
    await (await launchChromium(executablePath)).close();
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? message;
  }
}

/** The line a run without a browser prints, saying why and how to run them. */
export function browserTestsSkippedLine(reason: string): string {
  return `browser tests skipped: Chromium cannot start (${reason}); install it (apt-get install chromium) or set CHROMIUM_PATH; REQUIRE_BROWSER_TESTS=1 makes this a failure`;
}

/** Whether this file's browser tests are skipped: Chromium cannot start here. */
export function skipBrowserTests(): boolean {
  return inject('chromium').missing !== null;
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
