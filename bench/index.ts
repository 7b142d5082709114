/**
 * The benchmarks, in order, by module path. A module that does not exist
 * (yet) or fails to load is reported as "not run" by bench/run.ts, not a crash.
 * Each module exports its Benchmark as the default export.
 */
export const BENCHMARK_MODULES: readonly { id: string; path: string }[] = [
  { id: '1-bot-intake', path: './bot-intake.ts' },
  { id: '2-conversations', path: './conversations.ts' },
  { id: '3-admin-list', path: './admin-list.ts' },
  { id: '4-sender', path: './sender.ts' },
  { id: '5-reports', path: './reports.ts' },
  { id: '6-startup', path: './startup.ts' },
  { id: '7-statements', path: './statements.ts' },
];
