/**
 * `npm run create-admin -- --username <name> --province <name> --first-name <..> --last-name <..>`:
 * the first province admin of an empty production database (no demo), through core. The
 * password is never an argument (it would stay in the shell history and the process list):
 * on a terminal it is asked twice without echo, otherwise it is the first line of stdin
 * (`printf '%s\n' "$PASSWORD" | npm run create-admin -- …`). Missing names are asked on a terminal.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../config.ts';
import { createCore } from '../core/index.ts';
import { isDomainError } from '../core/errors.ts';
import { localeString } from '../admin/locale/index.ts';
import { openToolDatabase, type Database } from '../prisma/client.ts';

const USAGE = 'usage: npm run create-admin -- --username <name> --province <name> --first-name <name> --last-name <name> (password: asked, or the first line of stdin)';

/** One line typed on the terminal; `hidden`: nothing echoed (a password). */
async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const pending = rl.question(question);
  muted = hidden;
  const answer = await pending;
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer;
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: { username: { type: 'string' }, province: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' } },
    }).values;
  } catch (e) {
    console.error(`create-admin: ${(e as Error).message}; ${USAGE}`);
    return 2;
  }
  const tty = process.stdin.isTTY === true;
  const field = async (name: string, question: string) => values[name] ?? (tty ? (await ask(question)).trim() : '');
  const username = await field('username', 'username: ');
  const provinceName = await field('province', 'province (e.g. خراسان رضوی): ');
  const firstName = await field('first-name', 'first name: ');
  const lastName = await field('last-name', 'last name: ');
  if (!username || !provinceName || !firstName || !lastName) {
    console.error(`create-admin: ${USAGE}`);
    return 2;
  }
  let password: string;
  if (tty) {
    password = await ask('password: ', true);
    if ((await ask('password again: ', true)) !== password) {
      console.error('create-admin: the two passwords differ; nothing was created');
      return 1;
    }
  } else password = await firstLineOfStdin();

  let database: Database | undefined;
  try {
    const config = loadConfig();
    database = await openToolDatabase(config.database, config.backups);
    const core = createCore({ db: database.db });
    const admin = await core.security.createFirstAdmin({ kind: 'system', job: 'create-admin' }, { provinceName, firstName, lastName, username, password });
    console.log(`The province admin "${admin.username}" can now log in at /admin.`);
    return 0;
  } catch (e) {
    const message = isDomainError(e)
      ? e.code === 'CONFLICT'
        ? 'a province admin already exists; add more logins in the panel'
        : `${localeString('en', 'errors', e.code) ?? e.code}${e.params.field ? ` (${e.params.field})` : ''}`
      : e instanceof ConfigError
        ? `invalid configuration: ${e.issues.join('; ')}`
        : e instanceof Error
          ? e.message.replace(/\s*\n\s*/g, ' ')
          : String(e);
    console.error(`create-admin: ${message}`);
    return 1;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
