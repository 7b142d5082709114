/**
 * `npm start` serves the panel from AdminJS's server side only (admin/adminjs/server-only.ts):
 * after logins, a list page, the dashboard and the login page, none of AdminJS's browser
 * code (React, the design system's components, tiptap) nor its bundler (Rollup, Babel) was
 * loaded into the server process, and every page answered.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** What a server that loaded AdminJS whole would have loaded. */
const BROWSER_OR_BUNDLER = /\/node_modules\/(react|react-dom|styled-components|@tiptap\/core|rollup|@babel\/core|@rollup\/plugin-babel)\/|\/@adminjs\/design-system\/build\/index\.js$/;

describe.skipIf(testDbKind() === 'postgres')('the panel on AdminJS’s server side only', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers logins, lists, the dashboard and the login page without loading React, the design system’s components or the bundler', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-server-only-'));
    const port = await freePort();
    const loadedFile = path.join(dir, 'loaded.txt');
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', '--import', './test/helpers/record-loaded-modules.ts', 'main.ts'],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: '', BOT_TOKEN: '', DATA_DIR: path.join(dir, 'data'), PORT: String(port), LOADED_MODULES_FILE: loadedFile },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + 90_000;
      while (!(await fetch(`${base}/health`).then((r) => r.ok, () => false))) {
        expect(Date.now() < deadline && child.exitCode === null, output).toBe(true);
        await new Promise((r) => setTimeout(r, 200));
      }
      const loginPage = await fetch(`${base}/admin/login`);
      expect(loginPage.status).toBe(200);
      expect(await loginPage.text()).toContain('dir="rtl"');

      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'admin', password: 'demo-admin-1403' }).toString(),
        redirect: 'manual',
      });
      expect(login.status).toBe(303);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const list = await fetch(`${base}/admin/api/resources/Donation/actions/list?page=1`, { headers: { cookie } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { records: unknown[] }).records.length).toBeGreaterThan(0);
      const dashboard = await fetch(`${base}/admin`, { headers: { cookie } });
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain('components.bundle.js');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);

    const loaded = (await readFile(loadedFile, 'utf8')).split('\n');
    // The recorder saw AdminJS itself, and the design system's one helper the page templates use.
    expect(loaded.some((url) => url.endsWith('/node_modules/adminjs/lib/adminjs.js'))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/@adminjs/design-system/build/utils/combine-styles.js'))).toBe(true);
    expect(loaded.filter((url) => BROWSER_OR_BUNDLER.test(url))).toEqual([]);
  }, 120_000);
});
