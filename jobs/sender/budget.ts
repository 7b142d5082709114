/**
 * How many messages a claim may take from the platform's per-second budget.
 *
 * Why not simply "perSecond minus what was sent in the last second": a sender spaces its
 * sends (1/perSecond apart), so the messages it claims now go out over the coming moments,
 * not all at once. Counting them as if they were all sent now means a sender running at the
 * limit finds the budget spent every time it finishes a batch and idles until a batch's worth
 * of old sends has aged out: about a quarter of the limit was lost that way. Here the j-th
 * message of the claim is checked against the one-second window ending when it will be sent
 * at the earliest (j spacings after the first): the sends already recorded in that window, every
 * message other senders have in flight (counted as if sent in every window: their times are
 * unknown) and the claim's own earlier messages must leave room for it.
 */
export interface BudgetInput {
  /** Claim time (ms). */
  now: number;
  /**
   * The earliest the claim's first message can go out (ms; default now): later than now when
   * the sender still has messages in hand, whose slots come first. Message j goes out no
   * earlier than max(now, firstSendAt + j × spacing).
   */
  firstSendAt?: number;
  /**
   * When this sender's own requests of the last window were answered (or, still on their way,
   * their slots), oldest first. The sender starts a request only when fewer than perSecond of
   * its own were answered in the second before (outbox-sender.ts), so the claim's j-th message
   * cannot go out before ownTimes[length - perSecond + j] + windowMs.
   */
  ownTimes?: readonly number[];
  /** When the platform's messages of the last window were sent (ms), oldest first. */
  sent: readonly number[];
  /** Messages claimed by any sender and not yet recorded. */
  inflight: number;
  perSecond: number;
  maxBatch: number;
  /** Below this many, wait rather than claim (a claim per message would cost a transaction each). */
  minClaim: number;
  windowMs: number;
}

export interface Budget {
  /** Messages this claim may take (0: none yet). */
  take: number;
  /** When take is 0: ms until at least minClaim could be taken. */
  freesInMs: number | null;
}

export function claimBudget(b: BudgetInput): Budget {
  const spacing = b.windowMs / b.perSecond;
  const own = b.ownTimes ?? [];
  const ownWindowAt = (j: number) => {
    const i = own.length - b.perSecond + j;
    return i >= 0 && i < own.length ? own[i]! + b.windowMs : -Infinity;
  };
  const sendsAt = (j: number) => Math.max(b.now, (b.firstSendAt ?? b.now) + j * spacing, ownWindowAt(j));
  // The claim's j-th message shares its window with the claim's previous perSecond - 1 at most
  // (those further back are a whole window earlier), so a claim may reach beyond one second.
  const earlierOfClaim = (j: number) => Math.min(j, b.perSecond - 1);
  // How many recorded sends must have left message j's window for it to fit; the last of them
  // to leave is sent[need - 1], at sent[need - 1] + windowMs.
  const need = (j: number) => b.sent.length + b.inflight + earlierOfClaim(j) + 1 - b.perSecond;
  const fits = (j: number) => {
    const n = need(j);
    return n <= 0 || (n <= b.sent.length && b.sent[n - 1]! <= sendsAt(j) - b.windowMs);
  };
  let take = 0;
  while (take < b.maxBatch && fits(take)) take++;
  const minClaim = Math.min(b.minClaim, b.maxBatch);
  if (take >= minClaim) return { take, freesInMs: null };
  // Waiting for minClaim: the latest of the times their windows clear.
  let at = b.now;
  for (let j = 0; j < minClaim; j++) {
    const n = need(j);
    if (n <= 0) continue;
    // Only in-flight messages stand in the way: their outcome is not a time; look again shortly.
    if (n > b.sent.length) return { take: 0, freesInMs: 50 };
    at = Math.max(at, b.now + b.sent[n - 1]! + b.windowMs - sendsAt(j));
  }
  return { take: 0, freesInMs: Math.max(1, Math.ceil(at - b.now)) };
}
