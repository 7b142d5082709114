/**
 * Fills Node's compile cache (.cache/node, where `npm start` keeps it) with the modules a start
 * loads, without starting anything, so the first `npm start` on a fresh clone does not compile
 * them: about 1.5 s of CPU, a second of a first start on this 2-core machine. `npm install`
 * runs it with npm start's V8 flags (package.json's postinstall): a process with other flags
 * would not use the cache. The modules are main.ts's and app.ts's imports, the lazy ones too
 * (the spreadsheet writers of the first report download among them); one missing here is only
 * compiled when first loaded, as before, and if it is one of ours, Node then loads its
 * TypeScript stripper too: about 18 MB more resident for the rest of the process's life.
 */
// AdminJS's files as the server loads them (rewritten: admin/adminjs/server-only.ts), before anything imports it.
const { loadAdminPanel } = await import('../admin/load-panel.ts');
await Promise.all([
  loadAdminPanel(),
  import('../app.ts'),
  import('../config.ts'),
  import('../core/index.ts'),
  import('../bot/run.ts'),
  import('../bot/webhook.ts'),
  import('../jobs/index.ts'),
  import('../playground/runtime.ts'),
  import('../playground/plugin.ts'),
  import('../prisma/client.ts'),
  import('../prisma/backup/backup-channel.ts'),
  import('../prisma/backup/daily-backups.ts'),
  import('../prisma/backup/take-backup.ts'),
  import('../seed/index.ts'),
  import('../admin/reports/center-month-workbook.ts'),
  import('../admin/reports/overview-workbook.ts'),
  import('../admin/reports/statement-reconciliation-workbook.ts'),
]);
