/**
 * Counts failed logins per key ("ip:1.2.3.4", "user:ali") in this process and locks a key
 * for `lockMs` after `max` failures within `lockMs`. Known usernames are also locked in
 * the database (StaffUser.lockedUntil, see authenticate.ts) so that lock survives a
 * restart; this in-memory one also covers unknown usernames (no hint which ones exist) and
 * IP addresses. Entries expire by themselves; the map is pruned when it grows.
 */
import type { Clock } from '../../core/context.ts';

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

export interface LoginThrottle {
  /** Milliseconds until the key is unlocked, or 0. */
  lockedFor(key: string): number;
  /** Records a failure; returns the lock duration when this failure locked the key, else 0. */
  fail(key: string, max: number): number;
  reset(key: string): void;
}

const MAX_ENTRIES = 50_000;

export function createLoginThrottle(clock: Clock, lockMs: number): LoginThrottle {
  const entries = new Map<string, Entry>();

  const prune = (now: number) => {
    for (const [key, e] of entries) if (e.lockedUntil <= now && e.firstAt + lockMs <= now) entries.delete(key);
    // Still too many (a flood of distinct names): drop the oldest half rather than grow without bound.
    if (entries.size > MAX_ENTRIES) [...entries.keys()].slice(0, entries.size / 2).forEach((k) => entries.delete(k));
  };

  return {
    lockedFor(key) {
      const e = entries.get(key);
      return e ? Math.max(0, e.lockedUntil - clock.now().getTime()) : 0;
    },
    fail(key, max) {
      const now = clock.now().getTime();
      if (entries.size > MAX_ENTRIES) prune(now);
      let e = entries.get(key);
      if (!e || e.firstAt + lockMs <= now) {
        e = { failures: 0, firstAt: now, lockedUntil: e?.lockedUntil ?? 0 };
        entries.set(key, e);
      }
      e.failures += 1;
      if (e.failures >= max) {
        e.lockedUntil = now + lockMs;
        e.failures = 0;
        e.firstAt = now;
        return lockMs;
      }
      return 0;
    },
    reset(key) {
      entries.delete(key);
    },
  };
}
