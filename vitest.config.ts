import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file gets its own database copied from a migrated template (see test/helpers/db.ts).
    pool: 'forks',
    // Vitest keeps one core free by default, which on a 2-core machine runs the files one at a
    // time while most of them wait on a database, a child process or Chromium; two workers
    // there nearly halve the run, and a larger machine still uses all its cores.
    maxWorkers: Math.max(2, availableParallelism()),
    // Files share a worker's module cache (each still opens its own database): importing
    // Prisma, PGlite, grammY and AdminJS once per worker instead of once per file makes the
    // suite several times faster. Tests keep no module-level state between files.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
