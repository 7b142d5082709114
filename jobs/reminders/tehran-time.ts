/** Hours, days and quiet hours as seen in Tehran, whatever the server's zone. */
import { jalaliToDbDate, startOfJalaliDay, TEHRAN, toJalali } from '../../core/jalali.ts';
import type { QuietHours } from '../config.ts';

const hourFormatter = new Intl.DateTimeFormat('en-US', { timeZone: TEHRAN, hour: 'numeric', hourCycle: 'h23' });

export function tehranHour(at: Date): number {
  return Number(hourFormatter.formatToParts(at).find((p) => p.type === 'hour')?.value ?? '0');
}

/** Night: no reminder is queued (they wait for the morning's first tick). */
export function inQuietHours(at: Date, q: QuietHours): boolean {
  if (q.startHour === q.endHour) return false;
  const h = tehranHour(at);
  return q.startHour > q.endHour ? h >= q.startHour || h < q.endHour : h >= q.startHour && h < q.endHour;
}

export function startOfTehranDay(at: Date): Date {
  return startOfJalaliDay(toJalali(at));
}

/** The Tehran calendar day of an instant as stored in `@db.Date` columns (UTC midnight). */
export function tehranDbDay(at: Date): Date {
  return jalaliToDbDate(toJalali(at));
}

/** "YYYY-MM-DD" of a `@db.Date` value: the form notification params carry calendar days in. */
export function isoDay(dbDate: Date): string {
  return dbDate.toISOString().slice(0, 10);
}

/** "1405-09-05": the Tehran Jalali day, for once-a-day dedupe keys. */
export function jalaliDayKey(at: Date): string {
  const d = toJalali(at);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export const DAY_MS = 86_400_000;
