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
