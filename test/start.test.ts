/**
 * `npm start` end to end on a fresh embedded database: it migrates, seeds the demo data,
 * says where to go in one block (development), serves /health; in production it logs JSON,
 * takes a backup when `npm run backup` asks and refuses `npm run restore` while it runs;
 * a bad configuration stops it naming the variable.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from './helpers/db.ts';

const root = path.resolve(import.meta.dirname, '..');
const NODE_FLAGS = ['--disable-warning=ExperimentalWarning'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const baseEnv = (env: Record<string, string>) => ({
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  DATABASE_URL: '',
  ADMIN_SESSION_SECRET: 'a-test-secret-of-at-least-thirty-two-chars',
  ...env,
});

/** The output without colours (pino-pretty colours it where it thinks a terminal reads). */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'main.ts'], { cwd: root, env: baseEnv(env) });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => plain(out), exited };
}

/** `npm run <script>` (its node command) with the same environment; resolves with its exit code and output. */
function script(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...NODE_FLAGS, file, ...args], { cwd: root, env: baseEnv(env) }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

async function waitForHealth(port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let health: Response | undefined;
  while (Date.now() < deadline) {
    health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (health) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(health?.status, output()).toBe(200);
  expect(await health!.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
}

/** Until `text` appears in the output (a log line may follow the response it is about). */
async function waitForOutput(output: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!output().includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

// `npm start` here always runs on the embedded database: the suite's PostgreSQL run would repeat the same.
const embeddedRunOnly = testDbKind() === 'postgres';

describe('npm start', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(embeddedRunOnly)('development, on an empty embedded database: migrates, seeds the demo, says where to go in one block, logs no requests', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-start-'));
    const port = await freePort();
    const app = start({ NODE_ENV: 'development', DATA_DIR: dir, PORT: String(port) });
    try {
      await waitForHealth(port, app.output);
      await waitForOutput(app.output, 'ready in');
      const out = app.output();
      expect(out).toContain('database migrated');
      expect(out).toContain('demo data written');
      const block = out.slice(out.indexOf('ready in'));
      expect(block).toMatch(new RegExp(`panel +http://127\\.0\\.0\\.1:${port}/admin\\n`));
      expect(block).toMatch(new RegExp(`playground +http://127\\.0\\.0\\.1:${port}/playground\\n`));
      expect(block).toMatch(/demo logins +admin \/ demo-admin-1403 \(PROVINCE_ADMIN\)\n/);
      expect(block).toMatch(/data +(\S+) \(backups: (\S+), daily, the newest 7 kept\)/);
      expect(/data +(\S+) \(backups: (\S+),/.exec(block)!.slice(1)).toEqual([path.join(dir, 'db'), path.join(dir, 'backups')]);
      expect(out).not.toContain('npm run seed'); // the logins are right there

      // Request logging is off in development: loading a panel page adds no line.
      const before = app.output();
      expect((await fetch(`http://127.0.0.1:${port}/admin/login`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(app.output()).toBe(before);
    } finally {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0); // graceful shutdown releases the database
    }
  }, 120_000);

  it.skipIf(embeddedRunOnly)('production: JSON logs; `npm run backup` gets a backup from the running server, `npm run restore` waits until it stops', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dir, PORT: String(port) };
    const app = start(env);
    try {
      await waitForHealth(port, app.output);
      await waitForOutput(app.output, '"msg":"ready:');
      // JSON lines, not development's readable ones (a first production start may also show the
      // panel bundler's own warnings, which are not log lines).
      expect(app.output()).not.toMatch(/^\[\d\d:\d\d:\d\d\] INFO/m);
      for (const line of app.output().split('\n').filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line), line).not.toThrow();
      expect(app.output()).toMatch(/"msg":"ready: http:\/\/127\.0\.0\.1:\d+\/health"/);
      // The health check's reply can reach the test before its log line reaches the pipe.
      await waitForOutput(app.output, '"msg":"request completed"');
      expect(app.output()).toContain('"msg":"request completed"'); // requests are logged in production
      expect(app.output()).not.toContain('demo login'); // the demo was written at the first start, not now

      const backup = await script('scripts/backup.ts', [], env);
      expect(backup.code, backup.output).toBe(0);
      const file = /Backup written: (\S+)/.exec(backup.output)?.[1];
      expect(file && path.dirname(file)).toBe(path.join(dir, 'backups'));
      expect(existsSync(file!)).toBe(true);
      expect(app.output()).toContain('backup taken on request'); // the server took it: it owns the database

      const refused = await script('scripts/restore.ts', [file!], env);
      expect(refused.code).toBe(3);
      expect(refused.output).toContain(`سرور (شناسه ${app.child.pid}) پایگاه داده را در دست دارد`);
      expect(refused.output).toContain(`The server (pid ${app.child.pid}) has the database open. A restore replaces all data: stop the server first`);

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const restored = await script('scripts/restore.ts', [file!], env);
      expect(restored.code, restored.output).toBe(0);
      expect(restored.output).toContain(`The database in ${path.join(dir, 'db')} was restored from ${file}`);
      expect(restored.output).toMatch(/The data it replaced is kept in \S+db\.before-restore-/);
    } finally {
      app.child.kill('SIGTERM');
    }
  }, 120_000);

  it('stops with a message naming a bad variable', async () => {
    const app = start({ PORT: 'eighty' });
    expect(await app.exited).toBe(2);
    expect(app.output()).toMatch(/PORT: /);
  });
});
