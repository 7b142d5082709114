/**
 * A fake clock for the jobs: sleeping moves time forward at once (to the
 * sleeper's wake-up time, never backwards), so a 30 s retry_after or a night
 * of quiet hours passes in no real time. Several sleepers share one timeline.
 */
import type { JobClock } from '../../jobs/clock.ts';

export interface JumpClock extends JobClock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function jumpClock(start: Date): JumpClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    async sleep(ms, signal) {
      const target = t + Math.max(0, ms);
      // Let other tasks run first, as a real timer would.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) return;
      t = Math.max(t, target);
    },
    set(at) {
      t = at.getTime();
    },
    advance(ms) {
      t += ms;
    },
  };
}
