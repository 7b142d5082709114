/**
 * The staff login's settings (sessions, cookies, login lockout), read from the environment
 * by config.ts: the panel logs staff in, and the playground accepts the same sessions when
 * it requires a login. This file holds that part of the schema, so config.ts stays short.
 */
import { z } from 'zod';
import { flag } from '../core/input/schemas.ts';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

export const adminEnvShape = {
  /** Keys the session ids stored in the database; ≥ 32 characters, required in production. */
  ADMIN_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Secure cookies: `auto` (when the request came over https, see TRUST_PROXY), or 1/0. */
  ADMIN_COOKIE_SECURE: z.union([z.literal('auto'), flag]).default('auto'),
  /** Behind a reverse proxy: trust its X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: flag.default(false),
  /** The panel's public origin (e.g. https://panel.example.ir) when it differs from the Host header. */
  ADMIN_PUBLIC_ORIGIN: z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && new URL(v).origin === v.replace(/\/$/, ''), 'must be an origin such as https://panel.example.ir')
    .optional(),
  ADMIN_IDLE_TIMEOUT_MINUTES: positiveInt(24 * 60).default(30),
  ADMIN_ABSOLUTE_TIMEOUT_HOURS: positiveInt(24 * 30).default(12),
  /** Consecutive failed logins of one username before it is locked. */
  ADMIN_LOGIN_MAX_FAILURES: positiveInt(100).default(5),
  /** Failed logins from one IP address (any username) before it is locked. */
  ADMIN_LOGIN_MAX_FAILURES_PER_IP: positiveInt(10_000).default(20),
  ADMIN_LOGIN_LOCK_MINUTES: positiveInt(24 * 60).default(15),
};

type AdminEnv = z.output<z.ZodObject<typeof adminEnvShape>>;

export interface AdminSettings {
  /** Null outside production when unset: the app then generates one per process (and warns). */
  sessionSecret: string | null;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  publicOrigin: string | null;
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  maxFailuresPerUsername: number;
  maxFailuresPerIp: number;
  lockMs: number;
}

/** In production a secret must be given: a generated one would log everyone out at each restart. */
export function checkAdminEnv(env: { NODE_ENV: string; ADMIN_SESSION_SECRET?: string | undefined }, ctx: z.RefinementCtx<unknown>): void {
  if (env.NODE_ENV === 'production' && !env.ADMIN_SESSION_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['ADMIN_SESSION_SECRET'], message: 'is required in production (at least 32 random characters)' });
  }
}

export function adminSettingsFrom(e: AdminEnv): AdminSettings {
  return {
    sessionSecret: e.ADMIN_SESSION_SECRET ?? null,
    cookieSecure: e.ADMIN_COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.ADMIN_PUBLIC_ORIGIN?.replace(/\/$/, '') ?? null,
    idleTimeoutMs: e.ADMIN_IDLE_TIMEOUT_MINUTES * 60_000,
    absoluteTimeoutMs: e.ADMIN_ABSOLUTE_TIMEOUT_HOURS * 3_600_000,
    maxFailuresPerUsername: e.ADMIN_LOGIN_MAX_FAILURES,
    maxFailuresPerIp: e.ADMIN_LOGIN_MAX_FAILURES_PER_IP,
    lockMs: e.ADMIN_LOGIN_LOCK_MINUTES * 60_000,
  };
}

/**
 * Defaults for tests and tools that build the app without the environment: the schema's own
 * defaults, so an unset variable and an app built without settings behave the same.
 */
export const defaultAdminSettings: AdminSettings = adminSettingsFrom(z.object(adminEnvShape).parse({}));
