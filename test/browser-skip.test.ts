/**
 * `npm test` on a machine without Chromium: the browser tests are skipped, reported as
 * skipped, with one line saying why; with REQUIRE_BROWSER_TESTS=1 (CI) the run fails instead.
 * Runs vitest itself on the lightest browser file, Chromium hidden behind a path that does not exist.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { INHERITED_TEMPLATE } from './global-setup.ts';

const root = path.resolve(import.meta.dirname, '..');
const BROWSER_FILE = 'test/admin/receipt-proof-browser.test.ts';

function vitestWithoutChromium(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // Only what a shell on a fresh machine has: nothing of this run's vitest worker.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'));
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', BROWSER_FILE], {
    cwd: root,
    // The child reuses this run's migrated template: two more migrations on a busy 2-core CI machine took minutes.
    env: { ...base, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', REQUIRE_BROWSER_TESTS: '', [INHERITED_TEMPLATE]: JSON.stringify(inject('testDb')), ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('the browser tests without Chromium', () => {
  it('are skipped with the reason on a machine without it, and fail the run when CI requires them', async () => {
    const [plain, required] = await Promise.all([vitestWithoutChromium({}), vitestWithoutChromium({ REQUIRE_BROWSER_TESTS: '1' })]);

    expect(plain.code, plain.output).toBe(0);
    const reasons = plain.output.split('\n').filter((line) => line.startsWith('browser tests skipped: '));
    expect(reasons, plain.output).toHaveLength(1);
    expect(reasons[0]).toContain("executable doesn't exist at /nonexistent/chromium");
    expect(reasons[0]).toContain('apt-get install chromium');
    expect(plain.output).toMatch(/Tests +\d+ skipped/);
    expect(plain.output).not.toMatch(/passed|failed/);

    expect(required.code, required.output).not.toBe(0);
    expect(required.output).toContain('REQUIRE_BROWSER_TESTS=1 and Chromium cannot start');
  }, 180_000);
});
