/** The seed's public surface: the demo data and the test factories. */
export { countNonDemoRows, DEMO_ID_PREFIX, DEMO_LOGINS, demoLoginLines, DemoSeedRefusedError, seedDemo, seedDemoIfEmpty } from './demo.ts';
export { ensureDemoTemplate, findDemoTemplate, findRecentDemoTemplate } from './demo-template.ts';
export type { DemoLogin, SeedDemoOptions, SeedDemoResult } from './demo.ts';
