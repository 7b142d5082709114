/**
 * The shape every benchmark shares (bench/run.ts runs them and writes BENCHMARKS.md).
 * Shared machines are noisy: a figure is the median of several runs and, where a baseline
 * exists, is reported as a ratio against it, measured in the same run.
 */
import type { BenchDatabase } from './database.ts';

export type Scale = 'default' | 'full';

export interface BenchContext {
  scale: Scale;
  /** How many runs a figure is the median of: 3, or 5 at full scale (one rule for every benchmark). */
  runs: number;
  /** A new, migrated, empty PostgreSQL database, dropped by the runner at the end. */
  freshDatabase(label: string, options?: { poolSize?: number }): Promise<BenchDatabase>;
  /** Progress lines (stderr), so the table on stdout stays clean. */
  log(message: string): void;
}

export interface BenchRow {
  /** What was measured, e.g. "page 1 (1M vs 10k)". */
  name: string;
  /** Median of the runs, in `unit`. */
  value: number;
  unit: 'ms' | 'per s' | 'MB' | 's' | 'ratio';
  /** The same-run baseline, when the target is a ratio. */
  baseline?: { name: string; value: number };
  /** value / baseline.value (or the inverse where lower is better: say so in `target`). */
  ratio?: number;
  /** The target in words, e.g. "≥ 0.6 of baseline", "< 500 ms". */
  target: string;
  pass: boolean;
  /** Every run's figure (the median is taken from these). */
  runs: number[];
  note?: string;
}

export interface Benchmark {
  /** "1-bot-intake" … "6-startup". */
  id: string;
  title: string;
  /** How it is measured, in a sentence or three (BENCHMARKS.md prints it under the table). */
  notes?: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
