/**
 * What bench 6 needs to run a process as `npm start` runs the server: its variables and node
 * flags (startCommand), the environment the benchmark gives it (serverEnv), a free port.
 * bench/startup.ts starts main.ts with them, bench/lib/memory-by-part.ts its parts one by one.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The variables and node flags of package.json's `start` script (`A=1 B=${B:-2} node --flag
 * main.ts`), so that the server runs as `npm start` runs it, memory settings included.
 * BENCH_NODE_FLAGS adds flags, for trying one out (e.g. BENCH_NODE_FLAGS=--liftoff-only).
 */
export function startCommand(): { env: Record<string, string>; flags: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const node = words.indexOf('node');
  const main = words.indexOf('main.ts');
  if (node < 0 || main < node) throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const env: Record<string, string> = {};
  for (const word of words.slice(0, node)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(?:\$\{\1:-(.*)\}|(.*))$/.exec(word);
    if (!m) throw new Error(`unexpected word ${word} in the start script`);
    env[m[1]!] = m[2] !== undefined ? (process.env[m[1]!] ?? m[2]) : m[3]!;
  }
  const extra = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return { env, flags: [...words.slice(node + 1, main), ...extra] };
}

/** The environment of a benchmarked server: `npm start`'s variables, a data folder, a port, no messenger bot. */
export function serverEnv(dataDir: string, port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...startCommand().env,
    NODE_COMPILE_CACHE: path.join(ROOT, '.cache/node'),
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BOT_TOKEN: '',
    // The daily backup's first check, a minute after start, would land in the memory measurement.
    BACKUP_DAILY: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: process.env.NODE_ENV ?? '',
    ...env,
  };
}
