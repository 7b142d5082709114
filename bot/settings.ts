/**
 * The bot's settings, read from the environment by config.ts (this file holds
 * the part of the schema that belongs to the bot). Without BOT_TOKEN the bot
 * does not run; the rest of the app works as before.
 */
import { z } from 'zod';
import { platformConfig, type PlatformConfig } from '../messenger/platform.ts';
import { BOT_USERNAME, type LinkablePlatform } from '../messenger/start-link.ts';

const httpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s):// URL')
  .transform((v) => v.replace(/\/+$/, ''));

const botUsername = z
  .string()
  .trim()
  .transform((v) => v.replace(/^@/, ''))
  .pipe(z.string().regex(BOT_USERNAME, 'must be a bot username such as imdad_center_bot'));

export const botEnvShape = {
  /** From Bale's @botfather (or Telegram's @BotFather): "<bot id>:<secret>". */
  BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456789:AA… (the token the BotFather gave)')
    .optional(),
  /** Bale first: the regulation sends outreach through the approved domestic platforms. */
  BOT_PLATFORM: z.enum(['bale', 'telegram']).default('bale'),
  /** Overrides the platform's Bot API address (a self-hosted Bot API server, or a local fake). */
  BOT_API_ROOT: httpUrl.optional(),
  BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  BOT_WEBHOOK_PATH: z
    .string()
    .trim()
    .regex(/^\/[A-Za-z0-9/_.-]*$/, 'must be a path such as /bot/webhook')
    .default('/bot/webhook'),
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; 16–256 of A-Z a-z 0-9 _ -. */
  BOT_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** The public https address of BOT_WEBHOOK_PATH; when set, the webhook is registered at start. */
  BOT_WEBHOOK_URL: httpUrl.optional(),
  /** Updates handled at once; defaults to the database pool size minus two (PostgreSQL) or 4 (embedded). */
  BOT_CONCURRENCY: z.coerce.number().int().min(1).max(500).optional(),
  /**
   * The bots printed on the centers' posters. The bot this process runs is printed under its
   * own username (getMe) unless its platform's is set here; the other messenger's bot, served
   * by another process, only when set.
   */
  TELEGRAM_BOT_USERNAME: botUsername.optional(),
  BALE_BOT_USERNAME: botUsername.optional(),
  /**
   * Telegram only: a payment provider's token (BotFather → Payments) turns payments in the
   * chat on there. Off by default: the provider's merchant account receives the money, so it
   * must pay into the centers' Sandogh accounts (rule 3). Bale needs none (the center's card is the token).
   */
  TELEGRAM_PAYMENT_PROVIDER_TOKEN: z.string().trim().min(1).optional(),
};

type BotEnv = z.output<z.ZodObject<typeof botEnvShape>>;

export interface BotSettings {
  /** Null: no bot in this process. */
  token: string | null;
  platform: PlatformConfig;
  mode: 'polling' | 'webhook';
  webhookPath: string;
  webhookSecret: string | null;
  webhookUrl: string | null;
  /** Updates in flight at once; each holds one database connection while it runs. */
  concurrency: number;
  /** The bots' usernames set for the centers' posters, by messenger (the running bot's comes from getMe). */
  usernames: Partial<Record<LinkablePlatform, string>>;
}

/**
 * Telegram webhooks must carry a secret (anyone could post updates otherwise);
 * each update in flight holds a pooled connection, so the pool must exceed the
 * concurrency (two left for the panel and the outbox).
 */
export function checkBotEnv(
  env: BotEnv & { DATABASE_URL?: string | undefined; DATABASE_POOL_SIZE: number },
  ctx: z.RefinementCtx<unknown>,
): void {
  if (env.BOT_TOKEN && env.BOT_MODE === 'webhook' && env.BOT_PLATFORM === 'telegram' && !env.BOT_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['BOT_WEBHOOK_SECRET'], message: 'is required for a Telegram webhook' });
  }
  if (env.BOT_WEBHOOK_URL && !env.BOT_WEBHOOK_URL.startsWith('https://')) {
    ctx.addIssue({ code: 'custom', path: ['BOT_WEBHOOK_URL'], message: 'must be https://' });
  }
  if (env.DATABASE_URL && env.BOT_CONCURRENCY !== undefined && env.BOT_CONCURRENCY > env.DATABASE_POOL_SIZE - 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_CONCURRENCY'],
      message: `must be at most DATABASE_POOL_SIZE - 2 (${env.DATABASE_POOL_SIZE - 2}): each update in flight holds a connection`,
    });
  }
}

export function botSettingsFrom(e: BotEnv & { DATABASE_URL?: string | undefined; DATABASE_POOL_SIZE: number }): BotSettings {
  return {
    token: e.BOT_TOKEN ?? null,
    platform: platformConfig(e.BOT_PLATFORM === 'bale' ? 'BALE' : 'TELEGRAM', e.BOT_API_ROOT, {
      paymentProviderToken: e.BOT_PLATFORM === 'telegram' ? (e.TELEGRAM_PAYMENT_PROVIDER_TOKEN ?? null) : null,
    }),
    mode: e.BOT_MODE,
    webhookPath: e.BOT_WEBHOOK_PATH,
    webhookSecret: e.BOT_WEBHOOK_SECRET ?? null,
    webhookUrl: e.BOT_WEBHOOK_URL ?? null,
    concurrency: e.BOT_CONCURRENCY ?? (e.DATABASE_URL ? Math.max(1, e.DATABASE_POOL_SIZE - 2) : 4),
    usernames: {
      ...(e.TELEGRAM_BOT_USERNAME ? { TELEGRAM: e.TELEGRAM_BOT_USERNAME } : {}),
      ...(e.BALE_BOT_USERNAME ? { BALE: e.BALE_BOT_USERNAME } : {}),
    },
  };
}
