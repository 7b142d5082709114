/**
 * `npm run bench [-- --full] [-- --only=1-bot-intake,4-sender] [-- --out=FILE]`
 *
 * Runs the benchmarks of bench/index.ts one after the other, each on its own fresh
 * PostgreSQL database (dropped afterwards), prints a table on stdout (progress goes to
 * stderr) and writes BENCHMARKS.md. A missed target is a result, not an error (exit 0);
 * a benchmark that crashes makes the exit code 1, after the others have run.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { poolConfigFromUrl } from '../prisma/engine/adapters.ts';
import { BENCHMARK_MODULES } from './index.ts';
import { BENCH_SERVER_URL, createBenchDatabase, type BenchDatabase } from './lib/database.ts';
import type { Benchmark, BenchContext, BenchRow, Scale } from './lib/types.ts';

interface Options {
  scale: Scale;
  only?: Set<string>;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { scale: 'default', out: path.resolve(import.meta.dirname, '../BENCHMARKS.md') };
  for (const arg of argv) {
    if (arg === '--full') options.scale = 'full';
    else if (arg.startsWith('--only=')) options.only = new Set(arg.slice('--only='.length).split(',').map((s) => s.trim()).filter(Boolean));
    else if (arg.startsWith('--out=')) options.out = path.resolve(arg.slice('--out='.length));
    else throw new Error(`unknown argument ${arg} (use --full, --only=<id,id>, --out=<file>)`);
  }
  return options;
}

/** `--only=1` matches "1-bot-intake": an id or its leading number. */
function selected(id: string, only: Set<string> | undefined): boolean {
  if (!only) return true;
  return only.has(id) || only.has(id.split('-')[0]!);
}

type Outcome =
  | { id: string; status: 'ran'; benchmark: Benchmark; rows: BenchRow[]; seconds: number }
  | { id: string; status: 'not run'; reason: string }
  | { id: string; status: 'crashed'; title: string; error: string; seconds: number };

function isBenchmark(v: unknown): v is Benchmark {
  return typeof v === 'object' && v !== null && typeof (v as Benchmark).id === 'string' && typeof (v as Benchmark).run === 'function';
}

/** A module's benchmark: its default export, else the first export shaped like one. */
async function loadBenchmark(modulePath: string): Promise<Benchmark | string> {
  const file = path.resolve(import.meta.dirname, modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(file)) return `${modulePath} does not exist`;
    return `${modulePath} failed to load: ${err.message}`;
  }
  const found = [mod.default, ...Object.values(mod)].find(isBenchmark);
  return found ?? `${modulePath} exports no benchmark`;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function runOne(benchmark: Benchmark, scale: Scale): Promise<BenchRow[]> {
  const databases: BenchDatabase[] = [];
  const ctx: BenchContext = {
    scale,
    runs: scale === 'full' ? 5 : 3,
    async freshDatabase(label, options) {
      const db = await createBenchDatabase(label, options);
      databases.push(db);
      return db;
    },
    log,
  };
  try {
    return await benchmark.run(ctx);
  } finally {
    for (const db of databases) await db.drop().catch((e: unknown) => log(`could not drop ${db.name}: ${String(e)}`));
  }
}

// ── formatting ──────────────────────────────────────────────────────────────

function fmt(value: number, unit: BenchRow['unit']): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const n = value.toFixed(digits);
  return unit === 'ratio' ? n : `${n} ${unit === 'per s' ? '/s' : unit}`;
}

interface TableLine {
  name: string;
  median: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: string;
}

function tableLines(outcomes: Outcome[]): TableLine[] {
  const lines: TableLine[] = [];
  for (const o of outcomes) {
    if (o.status === 'ran') {
      for (const r of o.rows)
        lines.push({
          name: r.name,
          median: fmt(r.value, r.unit),
          baseline: r.baseline ? `${fmt(r.baseline.value, r.unit)} (${r.baseline.name})` : '',
          ratio: r.ratio !== undefined ? r.ratio.toFixed(2) : '',
          target: r.target,
          pass: r.pass ? 'yes' : 'NO',
        });
    } else if (o.status === 'not run') {
      lines.push({ name: o.id, median: 'not run', baseline: '', ratio: '', target: '', pass: '' });
    } else {
      lines.push({ name: o.id, median: 'CRASHED', baseline: '', ratio: '', target: '', pass: 'NO' });
    }
  }
  return lines;
}

const HEADERS: TableLine = { name: 'benchmark', median: 'median', baseline: 'baseline', ratio: 'ratio', target: 'target', pass: 'pass' };
const COLUMNS = Object.keys(HEADERS) as (keyof TableLine)[];

function textTable(lines: TableLine[]): string {
  const all = [HEADERS, ...lines];
  const width = (k: keyof TableLine) => Math.max(...all.map((l) => [...l[k]].length));
  const row = (l: TableLine) => COLUMNS.map((k) => l[k] + ' '.repeat(width(k) - [...l[k]].length)).join('  ');
  return [row(HEADERS), COLUMNS.map((k) => '-'.repeat(width(k))).join('  '), ...lines.map(row)].join('\n');
}

function markdownTable(lines: TableLine[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${COLUMNS.map((k) => HEADERS[k]).join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...lines.map((l) => `| ${COLUMNS.map((k) => cell(l[k])).join(' | ')} |`),
  ].join('\n');
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ ...poolConfigFromUrl(BENCH_SERVER_URL), database: 'postgres' });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } catch (e) {
    return `unreachable (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Other work on the machine shows in its load; absolute timings are worth less when it is high. */
const loadAtStart = os.loadavg()[0]!;

function machine(pgVersion: string): string {
  const cpus = os.cpus();
  return [
    `- cores: ${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js: ${process.version} on ${os.platform()} ${os.release()}`,
    `- PostgreSQL: ${pgVersion} (${new URL(BENCH_SERVER_URL).host})`,
    `- load average (1 min): ${loadAtStart.toFixed(1)} at the start of the run, ${os.loadavg()[0]!.toFixed(1)} at the end`,
  ].join('\n');
}

function markdown(options: Options, outcomes: Outcome[], lines: TableLine[], pgVersion: string, started: Date, seconds: number): string {
  const details: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'ran') {
      details.push(`### ${o.id}: ${o.benchmark.title}\n`);
      if (o.benchmark.notes) details.push(`${o.benchmark.notes}\n`);
      for (const r of o.rows) {
        const runs = r.runs.map((v) => fmt(v, r.unit)).join(', ');
        details.push(`- ${r.name}: runs ${runs}${r.note ? `. ${r.note}` : ''}`);
      }
      details.push(`- took ${o.seconds.toFixed(0)} s\n`);
    } else if (o.status === 'crashed') {
      details.push(`### ${o.id}: ${o.title}\n\nCrashed after ${o.seconds.toFixed(0)} s: \`${o.error.replaceAll('`', "'")}\`\n`);
    } else {
      details.push(`### ${o.id}\n\nNot run: ${o.reason}.\n`);
    }
  }
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${started.toISOString()}, scale **${options.scale}**` +
      `${options.only ? `, only ${[...options.only].join(', ')}` : ''}; the whole run took ${seconds.toFixed(0)} s.`,
    'Each figure is the median of several runs; where the target is a ratio, the baseline was measured in the same run,',
    'alternating with the measured side, so both see the same machine load.',
    '',
    '## Machine',
    '',
    machine(pgVersion),
    '',
    '## Results',
    '',
    markdownTable(lines),
    '',
    '## How each was measured',
    '',
    ...details,
  ].join('\n');
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = new Date();
  const t0 = performance.now();
  const outcomes: Outcome[] = [];
  for (const { id, path: modulePath } of BENCHMARK_MODULES) {
    if (!selected(id, options.only)) continue;
    const loaded = await loadBenchmark(modulePath);
    if (typeof loaded === 'string') {
      log(`${id}: not run (${loaded})`);
      outcomes.push({ id, status: 'not run', reason: loaded });
      continue;
    }
    log(`${loaded.id}: ${loaded.title} (${options.scale} scale)…`);
    const b0 = performance.now();
    try {
      const rows = await runOne(loaded, options.scale);
      outcomes.push({ id: loaded.id, status: 'ran', benchmark: loaded, rows, seconds: (performance.now() - b0) / 1000 });
      log(`${loaded.id}: done in ${((performance.now() - b0) / 1000).toFixed(0)} s`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      log(`${loaded.id}: CRASHED\n${error}`);
      outcomes.push({ id: loaded.id, status: 'crashed', title: loaded.title, error: e instanceof Error ? e.message : String(e), seconds: (performance.now() - b0) / 1000 });
    }
  }
  const lines = tableLines(outcomes);
  process.stdout.write(`${textTable(lines)}\n`);
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(options.out, `${markdown(options, outcomes, lines, await postgresVersion(), started, seconds)}\n`);
  log(`wrote ${path.relative(process.cwd(), options.out) || options.out} (${seconds.toFixed(0)} s in all)`);
  return outcomes.some((o) => o.status === 'crashed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
