/**
 * Real `main.ts` processes for the scale-out test: spawned with their own environment,
 * their output appended to one log file (each line prefixed with the process's name),
 * ready once /health answers 200. stopAll() sends SIGTERM, then SIGKILL to what is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface AppProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export class ProcessGroup {
  readonly processes: AppProcess[] = [];
  private log: WriteStream | undefined;
  readonly logFile: string;

  constructor(logFile: string) {
    this.logFile = logFile;
  }

  async start(name: string, env: Record<string, string>): Promise<AppProcess> {
    if (!this.log) {
      await mkdir(path.dirname(this.logFile), { recursive: true });
      this.log = createWriteStream(this.logFile, { flags: 'w' });
    }
    const port = await freePort();
    const child = spawn(NODE, ['--disable-warning=ExperimentalWarning', 'main.ts'], {
      cwd: ROOT,
      // Only what the process needs: no DATABASE_URL or BOT_TOKEN leaking in from the test's shell.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const log = this.log;
    const write = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      out += text;
      log.write(text.replace(/^(?=.)/gm, `[${name}] `));
    };
    child.stdout?.on('data', write);
    child.stderr?.on('data', write);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const app: AppProcess = { name, url: `http://127.0.0.1:${port}`, child, output: () => out, exited };
    this.processes.push(app);
    return app;
  }

  /** Waits until every process answers /health with 200; fails naming one that exited or never answered. */
  async ready(timeoutMs: number, processes: AppProcess[] = this.processes): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await Promise.all(
      processes.map(async (p) => {
        let exitCode: number | null | undefined;
        void p.exited.then((c) => (exitCode = c));
        while (Date.now() < deadline) {
          if (exitCode !== undefined) throw new Error(`${p.name} exited with ${exitCode} before it was ready:\n${p.output().slice(-2000)}`);
          const res = await fetch(`${p.url}/health`).catch(() => undefined);
          if (res?.status === 200) return;
          await new Promise((r) => setTimeout(r, 200));
        }
        throw new Error(`${p.name} did not answer /health within ${timeoutMs} ms:\n${p.output().slice(-2000)}`);
      }),
    );
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.processes.map(async (p) => {
        if (p.child.exitCode !== null || p.child.signalCode !== null) return;
        p.child.kill('SIGTERM');
        const timer = setTimeout(() => p.child.kill('SIGKILL'), 5_000);
        await p.exited;
        clearTimeout(timer);
      }),
    );
    await new Promise<void>((resolve) => (this.log ? this.log.end(resolve) : resolve()));
  }
}
