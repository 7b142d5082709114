import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file gets its own database copied from a migrated template (see test/helpers/db.ts).
    pool: 'forks',
    // Files share a worker's module cache (each still opens its own database): importing
    // Prisma, PGlite, grammY and AdminJS once per worker instead of once per file makes the
    // suite several times faster. Tests keep no module-level state between files.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
