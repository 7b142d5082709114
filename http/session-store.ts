/**
 * Staff sessions in the database (AdminSession), so they survive a restart and can be
 * ended from the server; the panel opens them and the playground checks them. The cookie holds a random token; the row id is its HMAC under
 * the session secret, so neither a copy of the table nor the secret alone opens a session.
 * A session ends after `idleTimeoutMs` without requests, and `absoluteTimeoutMs` after
 * login whatever the activity. Login always creates a new row (new id): a cookie that
 * existed before login never becomes a logged-in session.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../core/context.ts';
import type { Db } from '../prisma/client.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../messenger/i18n.ts';

export interface SessionData {
  locale: Language;
  /** ISO time of login: the absolute timeout counts from here. */
  startedAt: string;
}

export interface AdminSessionRow {
  id: string;
  staffUserId: string;
  data: SessionData;
  expiresAt: Date;
  updatedAt: Date;
}

export interface SessionStoreOptions {
  db: Db;
  secret: string;
  clock: Clock;
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
}

export interface SessionStore {
  create(input: { staffUserId: string; locale: Language; ip: string; userAgent?: string }): Promise<{ token: string; session: AdminSessionRow }>;
  /** The live session of a cookie token, or null (an expired one is deleted). */
  load(token: string): Promise<AdminSessionRow | null>;
  /** Slides the idle timeout; writes at most about once a minute per session. */
  touch(session: AdminSessionRow): Promise<void>;
  setLocale(session: AdminSessionRow, locale: Language): Promise<void>;
  destroy(session: AdminSessionRow): Promise<void>;
  /** Ends every session of a user (deactivation, password change). */
  destroyAllOf(staffUserId: string): Promise<number>;
  purgeExpired(): Promise<number>;
}

function parseData(value: unknown): SessionData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { locale, startedAt } = value as Record<string, unknown>;
  if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) return null;
  return { locale: isLanguage(locale) ? locale : DEFAULT_LANGUAGE, startedAt };
}

/** Ends every panel session of a staff user (call it when deactivating a user). */
export async function endSessionsOf(db: Db, staffUserId: string): Promise<number> {
  const { count } = await db.adminSession.deleteMany({ where: { staffUserId } });
  return count;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { db, secret, clock, idleTimeoutMs, absoluteTimeoutMs } = options;
  const touchEveryMs = Math.min(60_000, Math.floor(idleTimeoutMs / 10));

  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
  const expiryFrom = (now: Date, startedAt: string) =>
    new Date(Math.min(now.getTime() + idleTimeoutMs, Date.parse(startedAt) + absoluteTimeoutMs));

  return {
    async create({ staffUserId, locale, ip, userAgent }) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const data: SessionData = { locale, startedAt: now.toISOString() };
      const row = await db.adminSession.create({
        data: {
          id: idOf(token),
          staffUserId,
          data: { ...data },
          expiresAt: expiryFrom(now, data.startedAt),
          ip,
          userAgent: userAgent?.slice(0, 300) ?? null,
        },
      });
      return { token, session: { id: row.id, staffUserId, data, expiresAt: row.expiresAt, updatedAt: row.updatedAt } };
    },

    async load(token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const row = await db.adminSession.findUnique({ where: { id: idOf(token) } });
      if (!row) return null;
      const data = parseData(row.data);
      if (!row.staffUserId || !data || row.expiresAt.getTime() <= clock.now().getTime()) {
        await db.adminSession.deleteMany({ where: { id: row.id } });
        return null;
      }
      return { id: row.id, staffUserId: row.staffUserId, data, expiresAt: row.expiresAt, updatedAt: row.updatedAt };
    },

    async touch(session) {
      const now = clock.now();
      const expiresAt = expiryFrom(now, session.data.startedAt);
      if (expiresAt.getTime() - session.expiresAt.getTime() < touchEveryMs) return;
      await db.adminSession.updateMany({ where: { id: session.id }, data: { expiresAt } });
      session.expiresAt = expiresAt;
    },

    async setLocale(session, locale) {
      session.data = { ...session.data, locale };
      await db.adminSession.updateMany({ where: { id: session.id }, data: { data: { ...session.data } } });
    },

    async destroy(session) {
      await db.adminSession.deleteMany({ where: { id: session.id } });
    },

    destroyAllOf: (staffUserId) => endSessionsOf(db, staffUserId),

    async purgeExpired() {
      const { count } = await db.adminSession.deleteMany({ where: { expiresAt: { lte: clock.now() } } });
      return count;
    },
  };
}
