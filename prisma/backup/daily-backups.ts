/**
 * The server's daily backup of the embedded database. Rather than a clock time, it checks
 * every hour (and a minute after start) whether the newest backup in the folder, of any kind,
 * is a day old: a server restarted often, or off at night, still gets one a day, and a start
 * is not slowed by a backup.
 */
import { listBackups } from './backup-files.ts';

const HOUR_MS = 60 * 60_000;
export const BACKUP_EVERY_MS = 24 * HOUR_MS;

/** Takes a backup when none in `dir` is younger than a day; returns its path, or null. */
export async function backupIfDue(dir: string, takeBackup: () => Promise<string>, now = new Date()): Promise<string | null> {
  const [newest] = await listBackups(dir);
  if (newest && now.getTime() - newest.at.getTime() < BACKUP_EVERY_MS) return null;
  return takeBackup();
}

export interface DailyBackups {
  /** Stops checking, after a backup under way has finished. */
  stop(): Promise<void>;
}

export function scheduleDailyBackups(options: {
  dir: string;
  takeBackup: () => Promise<string>;
  onBackup: (file: string) => void;
  onError: (err: unknown) => void;
  firstCheckMs?: number;
  checkEveryMs?: number;
}): DailyBackups {
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = backupIfDue(options.dir, options.takeBackup).then((file) => {
      if (file) options.onBackup(file);
    }, options.onError);
  };
  const first = setTimeout(check, options.firstCheckMs ?? 60_000);
  const every = setInterval(check, options.checkEveryMs ?? HOUR_MS);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
