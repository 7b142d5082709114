/**
 * Bench 6's memory by part: runs bench/lib/memory-parts.ts as `npm start` runs main.ts (its
 * node flags and environment, on a new data folder), which loads the server's parts one after
 * the other and reports its memory after each; then drives the same load as the other memory
 * rows and asks for one last reading. A row per part: what it adds to the resident memory
 * (median of the runs), with the V8 heap and the external memory it adds in the note.
 * Readings follow two forced full collections (--expose-gc), so they count what a part keeps,
 * not its garbage (the server's own rows are read without).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { driveLoad } from './drive-load.ts';
import type { PartReading } from './memory-parts.ts';
import { freePort, ROOT, serverEnv, startCommand } from './server-process.ts';
import { median } from './stats.ts';
import type { BenchContext, BenchRow } from './types.ts';

const MEMORY_PARTS = path.join(ROOT, 'bench/lib/memory-parts.ts');
const TIMEOUT_MS = 180_000;

async function waitFor(found: () => boolean, what: string, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (!found()) {
    if (exited()) throw new Error(`memory-parts exited before ${what}:\n${output().slice(-2000)}`);
    if (performance.now() > deadline) throw new Error(`memory-parts: no ${what} within ${TIMEOUT_MS} ms:\n${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One run: the readings in order, the last after the load. */
async function onePartsRun(loadRounds: number): Promise<{ readings: PartReading[]; failures: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'imdad-bench-parts-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...startCommand().flags, '--expose-gc', MEMORY_PARTS], {
    cwd: ROOT,
    env: serverEnv(dir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readings = () => [...output.matchAll(/^part (\{.*\})$/gm)].map((m) => JSON.parse(m[1]!) as PartReading);
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  try {
    await waitFor(() => /^listening$/m.test(output), 'listening', hasExited, () => output);
    const before = readings().length;
    const load = await driveLoad(`http://127.0.0.1:${port}`, loadRounds);
    child.kill('SIGUSR2');
    await waitFor(() => readings().length > before, 'reading after the load', hasExited, () => output);
    return { readings: readings(), failures: load.failures };
  } finally {
    if (!hasExited()) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  }
}

const sign = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`;

/** Rows of what each part adds, from `ctx.runs` runs; measured only (no target). */
export async function memoryByPart(ctx: BenchContext, loadRounds: number): Promise<BenchRow[]> {
  const runs: PartReading[][] = [];
  let failures = 0;
  for (let i = 0; i < ctx.runs; i++) {
    const run = await onePartsRun(loadRounds);
    failures += run.failures;
    runs.push(run.readings);
    ctx.log(`startup memory by part run ${i + 1}: ${run.readings.map((r) => `${r.part} ${r.rssMb.toFixed(0)} MB (settled in ${(r.settleMs / 1000).toFixed(1)} s)`).join(', ')}`);
  }
  const parts = runs[0]!.map((r) => r.part);
  for (const run of runs) if (run.map((r) => r.part).join() !== parts.join()) throw new Error('memory-parts: the runs loaded different parts');
  const added = (i: number, pick: (r: PartReading) => number) => runs.map((run) => pick(run[i]!) - (i === 0 ? 0 : pick(run[i - 1]!)));
  return parts.map((part, i): BenchRow => {
    const rss = added(i, (r) => r.rssMb);
    const m = (pick: (r: PartReading) => number) => sign(median(added(i, pick)));
    const at = (pick: (r: PartReading) => number) => median(runs.map((run) => pick(run[i]!)));
    const last = i === parts.length - 1;
    // VmHWM only grows: a step that raised it well above where it settled had a passing peak.
    const peak = at((r) => r.peakMb);
    const peakRose = i > 0 && peak > median(runs.map((run) => run[i - 1]!.peakMb)) + 20 && peak > at((r) => r.rssMb) + 20;
    return {
      name: i === 0 ? 'memory by part: node alone (resident)' : `memory by part: + ${part}${last ? `, ${loadRounds} rounds` : ''}`,
      value: median(rss),
      unit: 'MB',
      target: 'measured only',
      pass: true,
      runs: rss,
      note:
        `resident then ${at((r) => r.rssMb).toFixed(0)} MB` +
        (peakRose ? ` (it peaked at ${peak.toFixed(0)} MB meanwhile)` : '') +
        `; file-backed ${m((r) => r.fileBackedMb)} MB, anonymous ${m((r) => r.anonymousMb)}; ` +
        `V8 heap used ${m((r) => r.heapUsedMb)} MB (allocated ${m((r) => r.heapTotalMb)}), external ${m((r) => r.externalMb)} MB ` +
        `(array buffers ${m((r) => r.arrayBuffersMb)})` +
        (last ? `; ${failures} requests failed` : ''),
    };
  });
}
