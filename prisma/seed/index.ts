/** The seed's public surface: the demo data and the test factories. */
export { countNonDemoRows, DEMO_ID_PREFIX, DEMO_LOGINS, DemoSeedRefusedError, seedDemo, seedDemoIfEmpty } from './demo.ts';
export type { DemoLogin, SeedDemoOptions, SeedDemoResult } from './demo.ts';
