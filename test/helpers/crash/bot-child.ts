/**
 * A bot process as small as main.ts's bot part, for crash tests (killed with SIGKILL and
 * started again many times: no panel, no jobs). Reads the same environment as main.ts
 * (DATABASE_URL, BOT_TOKEN, BOT_API_ROOT, BOT_MODE …) and PORT; in webhook mode it serves
 * the webhook route.
 *
 * It starts as a standby: loaded, its database opened and its schema checked (as main.ts
 * does) and the bot initialised (getMe), it prints "prepared" and takes no update until a
 * line arrives on stdin. Then it does what main.ts does from there (serves the webhook
 * route, or deletes the webhook and polls) and prints "ready". So the test can prepare the
 * next process while the current one works and put it in the killed one's place at once,
 * as a supervisor with a warm spare would; each process still handles updates from a start
 * of its own. When stdin closes (the test ended or died) the process exits, so no orphan
 * keeps polling.
 */
import Fastify from 'fastify';
import { pino } from 'pino';
import { prepareBot } from '../../../bot/run.ts';
import { botWebhook } from '../../../bot/webhook.ts';
import { loadConfig } from '../../../config.ts';
import { createCore } from '../../../core/index.ts';
import { openDatabase } from '../../../prisma/client.ts';
import { readMigrationState } from '../../../prisma/migration-state.ts';

process.stdin.once('end', () => process.exit(0));
const told = new Promise((resolve) => process.stdin.once('data', resolve));

const config = loadConfig(process.env);
const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const database = await openDatabase(config.database);
// As main.ts on PostgreSQL: a build newer than the database's schema does not start.
const schema = await readMigrationState(database.db);
if (schema.pending.length || schema.failed.length) throw new Error(`the database is behind this build: ${JSON.stringify(schema)}`);
const running = await prepareBot(config.bot, { database, core: createCore({ db: database.db }), logger });
if (!running) throw new Error('the bot did not start');
process.stdout.write('prepared\n');

await told;
if (running.webhook) {
  const app = Fastify();
  await app.register(botWebhook, running.webhook);
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
}
await running.start();
process.stdout.write('ready\n');
