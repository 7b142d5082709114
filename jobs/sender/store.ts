/**
 * The sender's statements on OutboxMessage. Claims are serialised per
 * platform by an advisory lock (held for one short transaction): a claim both
 * takes messages and spends the shared rate budget, so two senders must not
 * read the same budget at once. A claimed message is SENDING with a lease
 * (lockedUntil) and its attempts counted; every later write is fenced on
 * (status SENDING, attempts) so a sender whose lease ran out cannot overwrite
 * the outcome of the sender that took the message over.
 *
 * Timestamps are passed as UTC text cast to timestamp(3) (the columns' type),
 * so the session's time zone never matters and a test clock can drive them.
 */
import { lockKey } from '../../core/context.ts';
import type { NotificationParams } from '../../core/outbox.ts';
import type { Platform } from '../../messenger/platform.ts';
import type { Db } from '../../prisma/client.ts';
import { Prisma } from '../../prisma/generated/client/client.ts';
import { claimBudget } from './budget.ts';

export interface ClaimedMessage {
  id: string;
  chatAccountId: string;
  template: string;
  params: NotificationParams | null;
  /** This claim's attempt number (the fencing token). */
  attempts: number;
  /** Where to send: the chat id, or the user id for a private chat never seen. */
  chatId: string;
  language: string;
  /** A broadcast's text is kept once on the Broadcast row. */
  broadcastText: string | null;
}

export interface ClaimRequest {
  platform: Platform;
  botId: string;
  now: Date;
  leaseMs: number;
  /** Messages per second across all senders of this platform (already slowed down after a 429). */
  perSecond: number;
  perChatIntervalMs: number;
  maxBatch: number;
  maxAttempts: number;
  /**
   * This sender's own messages still on their way (claimed, not yet recorded), with the time
   * each went or will go out: counted at that time instead of as in flight in every window.
   */
  own?: { id: string; at: Date }[];
  /** The earliest this claim's first message can go out (default now): see budget.ts. */
  firstSendAt?: Date;
  /** This sender's own requests of the last second (answered, or their slots): see budget.ts. */
  ownTimes?: Date[];
}

export interface ClaimResult {
  messages: ClaimedMessage[];
  /** When nothing could be claimed because the second's budget is spent: ms until it frees. */
  budgetFreesInMs: number | null;
}

const ts = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ');
const at = (d: Date) => Prisma.sql`${ts(d)}::timestamp(3)`;

const RATE_WINDOW_MS = 1000;

export async function claimMessages(db: Db, r: ClaimRequest): Promise<ClaimResult> {
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, `outbox:claim:${r.platform}`);
      // A message whose claims kept expiring (a sender dying on it) is given up, not retried forever.
      await tx.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = 'lease expired too often', "updatedAt" = ${at(r.now)}
        WHERE status = 'SENDING' AND "lockedUntil" <= ${at(r.now)} AND attempts >= ${r.maxAttempts}`;

      const own = r.own ?? [];
      const ownIds = own.map((m) => m.id);
      // The budget: messages sent in the last second plus those on their way, by every sender.
      const windowStart = new Date(r.now.getTime() - RATE_WINDOW_MS);
      const [window] = await tx.$queryRaw<{ inflight: number; sent: string[] | null }[]>`
        SELECT count(*) FILTER (WHERE s."sentAt" IS NULL)::int AS inflight,
               array_agg(to_char(s."sentAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ORDER BY s."sentAt") FILTER (WHERE s."sentAt" IS NOT NULL) AS sent
        FROM (
          SELECT o."chatAccountId", o."sentAt" FROM "OutboxMessage" o WHERE o."sentAt" > ${at(windowStart)}
          UNION ALL
          SELECT o."chatAccountId", NULL FROM "OutboxMessage" o WHERE o.status = 'SENDING' AND o."lockedUntil" > ${at(r.now)}
            AND o.id <> ALL(${ownIds}::text[])
        ) s
        CROSS JOIN LATERAL (SELECT ca.platform FROM "ChatAccount" ca WHERE ca.id = s."chatAccountId" OFFSET 0) c
        WHERE c.platform = ${r.platform}::"Platform"`;
      const budget = claimBudget({
        now: r.now.getTime(),
        firstSendAt: r.firstSendAt?.getTime(),
        ownTimes: (r.ownTimes ?? []).map((d) => d.getTime()).sort((a, b) => a - b),
        sent: [...(window?.sent ?? []).map((t) => new Date(t).getTime()), ...own.map((m) => m.at.getTime())].sort((a, b) => a - b),
        inflight: window?.inflight ?? 0,
        perSecond: r.perSecond,
        maxBatch: r.maxBatch,
        // Claiming the odd slot as it frees would cost one claim per message once the window
        // slides steadily: wait until a batch's worth fits (only the first batch of a burst is smaller).
        minClaim: Math.min(Math.ceil(r.maxBatch / 2), r.perSecond),
        windowMs: RATE_WINDOW_MS,
      });
      if (budget.take === 0) return { messages: [], budgetFreesInMs: budget.freesInMs };

      const chatWindowStart = new Date(r.now.getTime() - r.perChatIntervalMs);
      const rows = await tx.$queryRaw<ClaimedMessage[]>`
        WITH due AS MATERIALIZED (
          SELECT m.id, m."chatAccountId", m."createdAt", m."broadcastId", m."botId" FROM "OutboxMessage" m
          WHERE m.status = 'PENDING' AND m."availableAt" <= ${at(r.now)}
          UNION ALL
          -- Claims whose lease ran out (their sender died or hung): taken over.
          SELECT m.id, m."chatAccountId", m."createdAt", m."broadcastId", m."botId" FROM "OutboxMessage" m
          WHERE m.status = 'SENDING' AND m."lockedUntil" <= ${at(r.now)}
        ),
        heads AS (
          -- Each chat's oldest sendable message: a chat's messages go out in order.
          -- LATERAL … OFFSET 0 fixes the plan (each message looks up its chat by primary key):
          -- PGlite has no autovacuum, so the planner often has no statistics to go by and
          -- otherwise picks a nested loop that rescans every due message once per chat.
          SELECT DISTINCT ON (m."chatAccountId")
                 m.id, m."chatAccountId", m."createdAt", m."broadcastId",
                 c."chatId", c.language, b.text AS "broadcastText"
          FROM due m
          CROSS JOIN LATERAL (
            SELECT COALESCE(ca."chatId", ca."externalUserId") AS "chatId", ca.language, ca.platform, ca.blocked
            FROM "ChatAccount" ca WHERE ca.id = m."chatAccountId" OFFSET 0
          ) c
          LEFT JOIN LATERAL (SELECT bc.text FROM "Broadcast" bc WHERE bc.id = m."broadcastId") b ON true
          WHERE c.platform = ${r.platform}::"Platform" AND c.blocked = false
            AND (m."botId" IS NULL OR m."botId" = ${r.botId})
          ORDER BY m."chatAccountId", m."createdAt", m.id
        ),
        busy AS (
          -- Chats that must wait: a message on its way, one sent within the per-chat interval,
          -- or one waiting out a retry (a 429's retry_after holds the whole chat).
          SELECT o."chatAccountId" FROM "OutboxMessage" o WHERE o.status = 'SENDING' AND o."lockedUntil" > ${at(r.now)}
          UNION
          SELECT o."chatAccountId" FROM "OutboxMessage" o WHERE o."sentAt" > ${at(chatWindowStart)}
          UNION
          SELECT o."chatAccountId" FROM "OutboxMessage" o
          WHERE o.status = 'PENDING' AND o."availableAt" > ${at(r.now)} AND o."lastError" IS NOT NULL
        ),
        picked AS (
          SELECT h.* FROM heads h
          WHERE NOT EXISTS (SELECT 1 FROM busy WHERE busy."chatAccountId" = h."chatAccountId")
          -- A broadcast yields to everyone's personal messages.
          ORDER BY (h."broadcastId" IS NOT NULL), h."createdAt", h.id
          LIMIT ${budget.take}
        )
        UPDATE "OutboxMessage" o
        SET status = 'SENDING', "lockedUntil" = ${at(new Date(r.now.getTime() + r.leaseMs))},
            attempts = o.attempts + 1, "updatedAt" = ${at(r.now)}
        FROM picked p
        WHERE o.id = p.id
          AND (o.status = 'PENDING' OR (o.status = 'SENDING' AND o."lockedUntil" <= ${at(r.now)}))
        RETURNING o.id, o."chatAccountId", o.template, o.params, o.attempts, p."chatId", p.language, p."broadcastText"`;
      return { messages: rows, budgetFreesInMs: null };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

const fence = (m: ClaimedMessage) => Prisma.sql`id = ${m.id} AND status = 'SENDING' AND attempts = ${m.attempts}`;

/** Returns false if the claim was lost meanwhile (the lease ran out and another sender took it). */
export async function markSent(db: Db, m: ClaimedMessage, now: Date): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = ${at(now)}, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${at(now)}
    WHERE ${fence(m)}`;
  return n === 1;
}

/** Back to the queue until `availableAt`; a 429 does not use up one of the message's attempts. */
export async function markRetry(db: Db, m: ClaimedMessage, now: Date, availableAt: Date, error: string, countAttempt: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxMessage"
    SET status = 'PENDING', "availableAt" = ${at(availableAt)}, "lockedUntil" = NULL, "lastError" = ${error},
        attempts = attempts - ${countAttempt ? 0 : 1}, "updatedAt" = ${at(now)}
    WHERE ${fence(m)}`;
}

export async function markFailed(db: Db, m: ClaimedMessage, now: Date, error: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${error}, "updatedAt" = ${at(now)}
    WHERE ${fence(m)}`;
}

/**
 * The user blocked the bot (403): the chat account is marked, this message
 * fails and the chat's other waiting messages are cancelled (core's
 * notifyPerson already skips blocked chats; the bot clears the flag when the
 * user writes again).
 */
export async function markBlocked(db: Db, m: ClaimedMessage, now: Date, error: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        UPDATE "ChatAccount" SET blocked = true, "blockedAt" = ${at(now)}, "updatedAt" = ${at(now)}
        WHERE id = ${m.chatAccountId} AND blocked = false`;
      await tx.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL, "lastError" = ${error}, "updatedAt" = ${at(now)}
        WHERE ${fence(m)}`;
      await tx.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'CANCELLED', "lockedUntil" = NULL, "lastError" = 'chat blocked the bot', "updatedAt" = ${at(now)}
        WHERE "chatAccountId" = ${m.chatAccountId} AND status = 'PENDING'`;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** Anything still to do for this platform (queued, scheduled, retrying or on its way)? */
export async function hasWork(db: Db, platform: Platform): Promise<boolean> {
  const rows = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "OutboxMessage" o
    CROSS JOIN LATERAL (SELECT ca.platform, ca.blocked FROM "ChatAccount" ca WHERE ca.id = o."chatAccountId" OFFSET 0) c
    WHERE o.status IN ('PENDING', 'SENDING') AND c.platform = ${platform}::"Platform" AND c.blocked = false
    LIMIT 1`;
  return rows.length > 0;
}
