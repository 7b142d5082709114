/**
 * What the backup commands print: each message in Persian and then English, for whoever runs
 * the center's machine.
 */
export function say(fa: string, en: string): void {
  console.log(`${fa}\n${en}`);
}

/** Prints the message on stderr and ends the command with `code`. */
export function fail(code: number, fa: string, en: string): never {
  console.error(`${fa}\n${en}`);
  process.exit(code);
}

/**
 * The embedded database the command works on. PostgreSQL has its own tools for this (`how`
 * names the one, in each language): the command refuses and says so rather than half-work.
 */
export function embeddedDatabase<D extends { kind: string }>(database: D, how: { fa: string; en: string }): Extract<D, { kind: 'pglite' }> {
  if (database.kind !== 'pglite') {
    fail(2, `پایگاه داده PostgreSQL است (DATABASE_URL): ${how.fa} (README، بخش «پشتیبان‌گیری»).`, `The database is PostgreSQL (DATABASE_URL): ${how.en} (README, "Backups").`);
  }
  return database as Extract<D, { kind: 'pglite' }>;
}
