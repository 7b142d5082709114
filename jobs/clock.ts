/**
 * Time for the jobs: a clock that can also wait. The sender and the reminders
 * never read Date.now() or call setTimeout themselves, so tests run them on a
 * fake clock (test/helpers/jump-clock.ts) where waiting 30 s takes no time.
 */
import type { Clock } from '../core/context.ts';

export interface JobClock extends Clock {
  /** Resolves after `ms` (or at once when the signal aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemJobClock: JobClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};
