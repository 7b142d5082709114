/**
 * Configuration, read once from the environment at start and validated.
 * A bad value stops the start with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { botEnvShape, botSettingsFrom, checkBotEnv, type BotSettings } from './bot/settings.ts';
import { flag } from './core/input/schemas.ts';
import { adminEnvShape, adminSettingsFrom, checkAdminEnv, type AdminSettings } from './http/settings.ts';
import { jobsEnvShape, jobsSettingsFrom, type JobsSettings } from './jobs/settings.ts';
import { playgroundEnvShape, playgroundSettingsFrom, type PlaygroundSettings } from './playground/settings.ts';

const port = z.coerce.number().int().min(1).max(65535);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL')
  .refine((v) => URL.canParse(v), 'is not a valid URL');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A log line per HTTP request; unset: on, except in development (where people read the output). */
  LOG_REQUESTS: flag.optional(),
  /** PostgreSQL; when unset, the embedded database in DATA_DIR is used. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections per process; must cover the bot's concurrency (one per chat in flight). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().trim().min(1).default('data'),
  /**
   * Fill an empty embedded database with demo data on first start; unset: on, except in
   * production, where a forgotten variable must not leave logins whose passwords the README prints.
   */
  SEED_DEMO: flag.optional(),
  /** Embedded database: where its backups go (default DATA_DIR/backups; better another disk), */
  BACKUP_DIR: z.string().trim().min(1).optional(),
  /** how many are kept (the newest), */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** and whether the server takes one a day. */
  BACKUP_DAILY: flag.default(true),
  ...adminEnvShape,
  ...botEnvShape,
  ...jobsEnvShape,
  ...playgroundEnvShape,
})
  .superRefine(checkAdminEnv)
  .superRefine(checkBotEnv);

export type Env = z.input<typeof schema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  logRequests: boolean;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  seedDemo: boolean;
  /** The embedded database's backups (prisma/backup/); unused with PostgreSQL (pg_dump, see the README). */
  backups: { dir: string; keep: number; daily: boolean };
  /** The staff login's sessions, cookies and lockout, for the panel and the playground (http/settings.ts). */
  admin: AdminSettings;
  /** The messenger bot (bot/settings.ts); token null: no bot. */
  bot: BotSettings;
  /** The outbox sender and the reminders (jobs/settings.ts); they run with the bot. */
  jobs: JobsSettings;
  /** The browser playground at /playground (playground/settings.ts). */
  playground: PlaygroundSettings;
}

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Empty strings count as unset, as in most .env files. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS ?? e.NODE_ENV !== 'development',
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR, 'db') },
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    backups: { dir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')), keep: e.BACKUP_KEEP, daily: e.BACKUP_DAILY },
    admin: adminSettingsFrom(e),
    bot: botSettingsFrom(e),
    jobs: jobsSettingsFrom(e),
    playground: playgroundSettingsFrom(e),
  };
}
