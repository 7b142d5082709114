/**
 * Delivers core's outbox (OutboxMessage) through a messenger's Bot API.
 *
 * Why its own claim loop and not pg-boss jobs: the outbox rows are the source
 * of truth, written by core inside the domain transaction that caused them
 * (pg-boss sends inside Prisma transactions on PGlite would block on its single
 * connection); copying each into a pg-boss job would keep the state twice; and
 * a pg-boss fetch knows nothing of per-chat or per-second limits. The claim
 * (store.ts) takes at most one message per chat, only chats not sent to within
 * the per-chat interval, and only as many as the platform's one-second budget
 * leaves, counted in the database across every sender process.
 *
 * Limits: the database budget keeps all senders together under `perSecond` in
 * every one-second window; locally each sender also spaces its sends evenly
 * (1/perSecond apart). A 429 holds that chat for retry_after (the message goes
 * back with availableAt = now + retry_after and holds the chat's queue) and
 * halves this sender's rate for a while. 5xx and network errors retry with
 * exponential back-off up to maxAttempts; 403 marks the chat blocked.
 *
 * Exactly once: a message is claimed with a lease (SENDING, lockedUntil) and
 * marked SENT right after the API accepted it, fenced on its attempt number.
 * The one at-least-once window is a crash (or a lease running out) after the
 * API accepted a message and before the SENT mark commits: the message is sent
 * again once the lease expires. Marking each message as soon as its response
 * arrives keeps that window to the messages in flight (at most `concurrency`).
 */
import type { Api } from 'grammy';
import type { PlatformName } from '../../bot/platform.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../prisma/client.ts';
import { systemJobClock, type JobClock } from '../clock.ts';
import { DEFAULT_LIMITS, type SenderLimits } from '../config.ts';
import { backoffMs, classifySendError, type SendFailure } from './classify.ts';
import { renderNotification } from './render.ts';
import { claimMessages, hasWork, markBlocked, markFailed, markRetry, markSent, type ClaimedMessage } from './store.ts';

export type SenderLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface OutboxSenderOptions {
  db: Db;
  api: Api;
  platform: PlatformName;
  /** The bot's id (the digits before the token's colon): messages addressed to another bot are left alone. */
  botId: string;
  clock?: JobClock;
  logger?: SenderLogger;
  limits?: Partial<SenderLimits>;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Most messages taken per claim (a claim waits until half of this is free in the second's budget). */
  maxBatch?: number;
  /**
   * How long a claim stays valid: longer than sending one batch can take
   * (maxBatch / concurrency rounds of the API client's timeout; jobs/index.ts uses 15 s).
   */
  leaseMs?: number;
  /** Attempts before a message is given up (429s are not counted). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often an idle sender looks for new messages (wake() cuts it short). */
  idlePollMs?: number;
  /** How long the rate stays halved after a 429 (at least the retry_after). */
  slowDownMs?: number;
}

export interface SenderStats {
  sent: number;
  retried: number;
  rateLimited: number;
  blocked: number;
  failed: number;
  /** SENT marks that found the claim taken over (the lease had run out). */
  lostClaims: number;
}

export interface RunOptions {
  /** Return once nothing is left to send (tests, a one-off drain) instead of polling forever. */
  untilIdle?: boolean;
  /** Aborting it is a kill: stop at once and write nothing more, as if the process had died. */
  signal?: AbortSignal;
}

export interface OutboxSender {
  run(options?: RunOptions): Promise<void>;
  /** Graceful: finishes the messages in hand (and records them), then returns. */
  stop(): Promise<void>;
  /** New messages were queued: look now instead of at the next poll. */
  wake(): void;
  readonly stats: SenderStats;
}

/** grammY types its signal with the abort-controller polyfill's class; the global one works the same. */
type ApiSignal = Parameters<Api['sendMessage']>[3];

const silent: SenderLogger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as SenderLogger;

export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  const clock = o.clock ?? systemJobClock;
  const logger = o.logger ?? silent;
  const limits: SenderLimits = { ...DEFAULT_LIMITS[o.platform], ...o.limits };
  const concurrency = o.concurrency ?? 4;
  const maxBatch = o.maxBatch ?? 16;
  const leaseMs = o.leaseMs ?? 90_000;
  const maxAttempts = o.maxAttempts ?? 8;
  const backoffBaseMs = o.backoffBaseMs ?? 5_000;
  const backoffMaxMs = o.backoffMaxMs ?? 30 * 60_000;
  const idlePollMs = o.idlePollMs ?? 1_000;
  const slowDownMs = o.slowDownMs ?? 30_000;
  const perChatIntervalMs = Math.ceil(1000 / limits.perChatPerSecond);

  const stats: SenderStats = { sent: 0, retried: 0, rateLimited: 0, blocked: 0, failed: 0, lostClaims: 0 };
  let running: Promise<void> | null = null;
  let stopping = false;
  let wakeController = new AbortController();
  let slowFactor = 1;
  let slowUntil = 0;
  let nextSlotMs = 0;

  function rateNow(nowMs: number): number {
    if (nowMs >= slowUntil) slowFactor = 1;
    return Math.max(1, Math.floor(limits.perSecond * slowFactor));
  }

  function slowDown(nowMs: number, retryAfterSeconds: number) {
    slowFactor = Math.max(0.25, slowFactor / 2);
    slowUntil = nowMs + Math.max(slowDownMs, retryAfterSeconds * 1000);
  }

  /** Reserves this sender's next send slot, evenly spaced at the current rate; returns the wait. */
  function reserveSlot(): number {
    const nowMs = clock.now().getTime();
    const slot = Math.max(nowMs, nextSlotMs);
    nextSlotMs = slot + 1000 / rateNow(nowMs);
    return slot - nowMs;
  }

  async function sendOne(m: ClaimedMessage, kill: AbortSignal | undefined): Promise<void> {
    await clock.sleep(reserveSlot(), kill);
    if (kill?.aborted) return;
    let failure: SendFailure | null = null;
    try {
      const params = m.broadcastText !== null ? { ...(m.params ?? {}), text: m.broadcastText } : m.params;
      const rendered = renderNotification(m.template, params, m.language);
      await o.api.sendMessage(m.chatId, rendered.text, rendered.replyMarkup ? { reply_markup: rendered.replyMarkup } : {}, kill as ApiSignal);
    } catch (e) {
      failure = classifySendError(e);
    }
    // A killed process records nothing: its lease expires and the message is claimed again.
    if (kill?.aborted) return;
    const now = clock.now();
    try {
      await record(m, failure, now);
    } catch (e) {
      // The claim stays until its lease expires; then the message is retried (possibly a duplicate).
      logger.error({ err: e, messageId: m.id }, 'outbox: could not record a send outcome');
    }
  }

  async function record(m: ClaimedMessage, failure: SendFailure | null, now: Date): Promise<void> {
    if (!failure) {
      if (await markSent(o.db, m, now)) stats.sent++;
      else {
        stats.lostClaims++;
        logger.warn({ messageId: m.id }, 'outbox: sent after the claim was taken over (lease too short?)');
      }
      return;
    }
    switch (failure.kind) {
      case 'rateLimited':
        stats.rateLimited++;
        slowDown(now.getTime(), failure.retryAfterSeconds);
        logger.warn({ messageId: m.id, retryAfter: failure.retryAfterSeconds }, 'outbox: 429, holding the chat and slowing down');
        await markRetry(o.db, m, now, new Date(now.getTime() + failure.retryAfterSeconds * 1000), failure.error, false);
        return;
      case 'retry':
        if (m.attempts >= maxAttempts) {
          stats.failed++;
          logger.error({ messageId: m.id, error: failure.error }, 'outbox: giving up after the last attempt');
          await markFailed(o.db, m, now, failure.error);
          return;
        }
        stats.retried++;
        await markRetry(o.db, m, now, new Date(now.getTime() + backoffMs(m.attempts, backoffBaseMs, backoffMaxMs)), failure.error, true);
        return;
      case 'blocked':
        stats.blocked++;
        logger.info({ chatAccountId: m.chatAccountId }, 'outbox: the user blocked the bot');
        await markBlocked(o.db, m, now, failure.error);
        return;
      case 'permanent':
        stats.failed++;
        logger.error({ messageId: m.id, error: failure.error }, 'outbox: message cannot be sent');
        await markFailed(o.db, m, now, failure.error);
        return;
    }
  }

  async function sendBatch(messages: ClaimedMessage[], kill: AbortSignal | undefined): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < messages.length && !kill?.aborted) await sendOne(messages[next++]!, kill);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
  }

  async function loop(options: RunOptions): Promise<void> {
    const kill = options.signal;
    while (!stopping && !kill?.aborted) {
      const now = clock.now();
      let waitMs = idlePollMs;
      try {
        const claim = await claimMessages(o.db, {
          platform: o.platform,
          botId: o.botId,
          now,
          leaseMs,
          perSecond: rateNow(now.getTime()),
          perChatIntervalMs,
          maxBatch,
          maxAttempts,
        });
        if (kill?.aborted) return;
        if (claim.messages.length > 0) {
          await sendBatch(claim.messages, kill);
          continue;
        }
        if (claim.budgetFreesInMs !== null) waitMs = Math.min(waitMs, claim.budgetFreesInMs);
        else if (options.untilIdle && !(await hasWork(o.db, o.platform))) return;
      } catch (e) {
        if (kill?.aborted) return;
        logger.error({ err: e }, 'outbox: claim failed; trying again shortly');
      }
      if (stopping) return;
      wakeController = new AbortController();
      await clock.sleep(waitMs, kill ? AbortSignal.any([kill, wakeController.signal]) : wakeController.signal);
    }
  }

  return {
    stats,
    run(options = {}) {
      if (running) throw new Error('this sender is already running');
      stopping = false;
      running = loop(options).finally(() => {
        running = null;
      });
      return running;
    },
    async stop() {
      stopping = true;
      wakeController.abort();
      await running;
    },
    wake() {
      wakeController.abort();
    },
  };
}
