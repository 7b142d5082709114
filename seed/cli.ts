/**
 * `npm run seed [-- --force]`: writes the demo data into the configured database (the
 * embedded one is migrated first) and prints the demo logins. Refuses a database holding
 * non-demo data unless --force.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { openToolDatabase, type Database } from '../prisma/client.ts';
import { seedDemo } from './demo.ts';

const USAGE = 'usage: npm run seed [-- --force]';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--force');
  if (unknown.length) {
    console.error(`seed: unknown argument ${unknown.join(' ')}; ${USAGE}`);
    return 2;
  }
  const force = argv.includes('--force');
  let database: Database | undefined;
  try {
    const config = loadConfig();
    database = await openToolDatabase(config.database, config.backups);
    const started = performance.now();
    const { logins } = await seedDemo(database.db, { force });
    const where = config.database.kind === 'pglite' ? config.database.dataDir : 'PostgreSQL';
    console.log(`Demo data is in place (${where}, ${Math.round(performance.now() - started)} ms). Demo logins:`);
    for (const line of logins) console.log(`  ${line}`);
    return 0;
  } catch (e) {
    // One line: the reason, not a stack (config errors list each bad variable).
    const message =
      e instanceof ConfigError
        ? `invalid configuration: ${e.issues.join('; ')}`
        : e instanceof Error
          ? e.message.replace(/\s*\n\s*/g, ' ')
          : String(e);
    console.error(`seed: ${message}`);
    return 1;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
