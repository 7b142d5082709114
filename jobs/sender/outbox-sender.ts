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
 * every one-second window (budget.ts: each claimed message against the window
 * it goes out in); locally each sender also spaces its sends evenly
 * (1/perSecond apart) and starts a request only when fewer than perSecond of
 * its own were answered in the second before. The next claim is made while a
 * batch's last messages are on their way, so sending does not pause for it
 * (benchmark 4: 30.0 a second against a 30/s API, no 429). A 429 holds that chat for retry_after (the message goes
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
import { isDatabaseUnavailable } from '../../prisma/unavailable.ts';
import type { Api } from 'grammy';
import type { Logger } from '../../logger.ts';
import { renderNotification } from '../../messenger/notification-render.ts';
import type { Platform } from '../../messenger/platform.ts';
import type { Db } from '../../prisma/client.ts';
import { systemJobClock, type JobClock } from '../clock.ts';
import { DEFAULT_LIMITS, type SenderLimits } from '../config.ts';
import { backoffMs, classifySendError, type SendFailure } from './classify.ts';
import { claimMessages, hasWork, markBlocked, markFailed, markRetry, markSent, type ClaimedMessage, type ClaimResult } from './store.ts';

/** The API's rate window. */
const RATE_WINDOW_MS = 1000;
/** How many slots a sender that fell behind may send back to back to catch up. */
const CATCH_UP_SLOTS = 3;

export type SenderLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface OutboxSenderOptions {
  db: Db;
  api: Api;
  platform: Platform;
  /** The bot's id (the digits before the token's colon): messages addressed to another bot are left alone. */
  botId: string;
  clock?: JobClock;
  logger?: SenderLogger;
  limits?: Partial<SenderLimits>;
  /** Requests in flight at once. */
  concurrency?: number;
  /**
   * Most messages taken per claim (a claim waits until half of this, or a second's worth, fits
   * the budget). The next claim is made while a batch's last messages are on their way, so a
   * batch need not be large; 20 at 4 in flight stays inside the lease even if every request
   * ran into the API client's timeout.
   */
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
  const maxBatch = o.maxBatch ?? 20;
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

  /**
   * Reserves this sender's next send slot (a time), evenly spaced at the current rate.
   * A sender that fell behind its slots (a slow database write, a busy event loop) may catch up
   * by a few slots: the one-second window below still holds it to the limit.
   */
  function reserveSlot(): number {
    const nowMs = clock.now().getTime();
    const spacing = 1000 / rateNow(nowMs);
    const slot = Math.max(nowMs - CATCH_UP_SLOTS * spacing, nextSlotMs);
    nextSlotMs = slot + spacing;
    return slot;
  }

  /**
   * This sender's claimed messages not yet recorded, with the time each went (or will go) out:
   * the next claim, made while they are on their way, counts them at those times rather than
   * as in flight in every window.
   */
  const inHand = new Map<string, { at: number; answered: boolean }>();

  /**
   * This sender's requests answered within the last second, or still on their way. Even
   * spacing alone is not enough at the limit: one send that fires a few ms late is followed
   * by one on time, and a second later that pair is one too many for the API's window.
   * So a request starts only when fewer than the rate were answered in the second before
   * (an answer's time is the latest the API can have counted the request at).
   */
  const recent: { answeredAt: number | null }[] = [];

  function dropOldAnswers(nowMs: number): void {
    for (let i = recent.length - 1; i >= 0; i--) {
      const at = recent[i]!.answeredAt;
      if (at !== null && at <= nowMs - RATE_WINDOW_MS) recent.splice(i, 1);
    }
  }

  /** Ms to wait before another request fits this sender's own one-second window (0: now). */
  function windowWait(nowMs: number): number {
    dropOldAnswers(nowMs);
    if (recent.length < rateNow(nowMs)) return 0;
    const answered = recent.map((r) => r.answeredAt).filter((t): t is number => t !== null);
    return answered.length ? Math.min(...answered) + RATE_WINDOW_MS + 1 - nowMs : 5;
  }

  /** What windowWait goes by, for the claim: answer times, and slots of requests not yet answered. */
  function ownRequestTimes(nowMs: number): Date[] {
    dropOldAnswers(nowMs);
    const answered = recent.flatMap((r) => (r.answeredAt === null ? [] : [r.answeredAt]));
    const waiting = [...inHand.values()].flatMap((h) => (h.answered ? [] : [h.at]));
    return [...answered, ...waiting].map((t) => new Date(t));
  }

  async function sendOne(m: ClaimedMessage, kill: AbortSignal | undefined): Promise<void> {
    inHand.set(m.id, { at: reserveSlot(), answered: false });
    try {
      await sendReserved(m, kill);
    } finally {
      inHand.delete(m.id);
    }
  }

  async function sendReserved(m: ClaimedMessage, kill: AbortSignal | undefined): Promise<void> {
    await clock.sleep(inHand.get(m.id)!.at - clock.now().getTime(), kill);
    for (let wait = windowWait(clock.now().getTime()); wait > 0 && !kill?.aborted; wait = windowWait(clock.now().getTime())) {
      await clock.sleep(wait, kill);
    }
    if (kill?.aborted) return;
    const request = { answeredAt: null as number | null };
    recent.push(request);
    let failure: SendFailure | null = null;
    try {
      const params = m.broadcastText !== null ? { ...(m.params ?? {}), text: m.broadcastText } : m.params;
      const rendered = renderNotification(m.template, params, m.language);
      await o.api.sendMessage(m.chatId, rendered.text, rendered.replyMarkup ? { reply_markup: rendered.replyMarkup } : {}, kill as ApiSignal);
    } catch (e) {
      failure = classifySendError(e);
    } finally {
      request.answeredAt = clock.now().getTime();
    }
    inHand.set(m.id, { at: request.answeredAt, answered: true });
    // A killed process records nothing: its lease expires and the message is claimed again.
    if (kill?.aborted) return;
    const now = clock.now();
    // The message has gone out: while the database is away, keep trying to record it (within the
    // lease), so that it is not claimed again and sent twice once the database is back.
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        await record(m, failure, now);
        return;
      } catch (e) {
        const retry = isDatabaseUnavailable(e) && !kill?.aborted && clock.now().getTime() + wait < now.getTime() + leaseMs / 2;
        if (!retry) {
          // The claim stays until its lease expires; then the message is retried (possibly a duplicate).
          logger.error({ err: e, messageId: m.id }, 'outbox: could not record a send outcome');
          return;
        }
        await clock.sleep(wait, kill);
      }
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

  function claim(now: Date): Promise<ClaimResult> {
    return claimMessages(o.db, {
      platform: o.platform,
      botId: o.botId,
      now,
      leaseMs,
      perSecond: rateNow(now.getTime()),
      perChatIntervalMs,
      maxBatch,
      maxAttempts,
      own: [...inHand].map(([id, h]) => ({ id, at: new Date(h.at) })),
      // reserveSlot's earliest next slot.
      firstSendAt: new Date(Math.max(now.getTime() - (CATCH_UP_SLOTS * 1000) / rateNow(now.getTime()), nextSlotMs)),
      ownTimes: ownRequestTimes(now.getTime()),
    });
  }

  /**
   * Sends a batch; once its last message has its slot, the next claim is made while the last
   * few are on their way (its result is returned), so the claim's own time (tens of ms, more
   * on a busy database) is not a gap in the sending. Null: no claim was made (stopping) or it failed.
   */
  async function sendBatch(messages: ClaimedMessage[], kill: AbortSignal | undefined): Promise<ClaimResult | null> {
    let next = 0;
    let prefetch: Promise<ClaimResult | null> | null = null;
    const worker = async () => {
      while (next < messages.length && !kill?.aborted) {
        const sending = sendOne(messages[next++]!, kill);
        if (next === messages.length && !prefetch && !stopping && !kill?.aborted) {
          prefetch = claim(clock.now()).catch((e: unknown) => {
            if (!kill?.aborted) logger.error({ err: e }, 'outbox: claim failed; trying again shortly');
            return null;
          });
        }
        await sending;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
    return prefetch ? await prefetch : null;
  }

  async function loop(options: RunOptions): Promise<void> {
    const kill = options.signal;
    let prefetched: ClaimResult | null = null;
    // A prefetched claim is sent even when stopping: a graceful stop finishes the messages in hand.
    while ((!stopping || prefetched) && !kill?.aborted) {
      let waitMs = idlePollMs;
      try {
        const result: ClaimResult = prefetched ?? (await claim(clock.now()));
        prefetched = null;
        if (kill?.aborted) return;
        if (result.messages.length > 0) {
          prefetched = await sendBatch(result.messages, kill);
          continue;
        }
        if (result.budgetFreesInMs !== null) waitMs = Math.min(waitMs, result.budgetFreesInMs);
        else if (options.untilIdle && !(await hasWork(o.db, o.platform))) return;
      } catch (e) {
        prefetched = null;
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
