/**
 * The claim's share of the per-second budget (jobs/sender/budget.ts): each claimed message
 * is checked against the one-second window ending when it can go out at the earliest.
 */
import { describe, expect, it } from 'vitest';
import { claimBudget } from '../../jobs/sender/budget.ts';

const base = { now: 10_000, inflight: 0, perSecond: 30, maxBatch: 60, minClaim: 30, windowMs: 1000 };
const spacing = 1000 / 30;

describe('claim budget', () => {
  it('an empty window lets a claim take two seconds of sending at once', () => {
    expect(claimBudget({ ...base, sent: [] })).toEqual({ take: 60, freesInMs: null });
  });

  it('a sender running at the limit may claim a full batch as soon as its oldest send leaves the window', () => {
    // 30 sends, evenly spaced, the newest one just now: the window is full…
    const sent = Array.from({ length: 30 }, (_, i) => base.now - 29 * spacing + i * spacing);
    const full = claimBudget({ ...base, sent });
    expect(full.take).toBe(0);
    expect(full.freesInMs).toBeGreaterThan(0);
    expect(full.freesInMs).toBeLessThanOrEqual(Math.ceil(spacing));
    // …and once the oldest has left, every message of the claim fits the window it goes out in.
    expect(claimBudget({ ...base, sent, now: base.now + spacing + 1 }).take).toBe(60);
  });

  it('a burst of 30 half a second ago holds the claim until it has left the window', () => {
    const sent = Array.from({ length: 30 }, () => base.now - 500);
    expect(claimBudget({ ...base, sent })).toEqual({ take: 0, freesInMs: 500 });
  });

  it('messages another sender has in flight count in every window', () => {
    expect(claimBudget({ ...base, sent: [], inflight: 30 })).toEqual({ take: 0, freesInMs: 50 });
    expect(claimBudget({ ...base, sent: [], inflight: 10, minClaim: 1 }).take).toBe(20);
  });

  it('a claim whose first send comes later (messages still in hand) counts its windows from then', () => {
    const sent = Array.from({ length: 30 }, (_, i) => base.now - 900 + i * spacing);
    expect(claimBudget({ ...base, sent, minClaim: 1 }).take).toBe(0);
    expect(claimBudget({ ...base, sent, minClaim: 1, firstSendAt: base.now + 200 }).take).toBeGreaterThan(0);
  });
});
