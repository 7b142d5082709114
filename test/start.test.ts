/**
 * `npm start` end to end on a fresh embedded database: it migrates, seeds the
 * demo data, serves /health, and a bad configuration stops it naming the variable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: '', ADMIN_SESSION_SECRET: 'a-test-secret-of-at-least-thirty-two-chars', ...env },
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('npm start', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('on an empty embedded database: migrates, seeds the demo and serves /health', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'imdad-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    const app = start({ DATA_DIR: dataDir, PORT: String(port) });
    try {
      const deadline = Date.now() + 90_000;
      let health: Response | undefined;
      while (Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (health) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(health?.status, app.output()).toBe(200);
      const body = await health!.json();
      expect(body).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
      expect(app.output()).toContain('database migrated');
      expect(app.output()).toContain('demo data written');
      expect(app.output()).toMatch(/demo login: admin \//);
    } finally {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0); // graceful shutdown releases the database
    }
  }, 120_000);

  it('stops with a message naming a bad variable', async () => {
    const app = start({ PORT: 'eighty' });
    expect(await app.exited).toBe(2);
    expect(app.output()).toMatch(/PORT: /);
  });
});
