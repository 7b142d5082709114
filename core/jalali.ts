/**
 * The Jalali (Solar Hijri) calendar in Asia/Tehran, in one place: month
 * bounds for reports and schedules (messenger/format.ts writes dates for people).
 * Conversion uses date-fns-jalali; the time zone comes from Intl, so the
 * server's own zone never matters.
 */
// One file per function: the package's index loads all of its ~250 modules, seconds of start-up.
import { addMonths as addJalaliMonths } from 'date-fns-jalali/addMonths';
import { getDate } from 'date-fns-jalali/getDate';
import { getMonth } from 'date-fns-jalali/getMonth';
import { getYear } from 'date-fns-jalali/getYear';
import { newDate } from 'date-fns-jalali/newDate';

export const TEHRAN = 'Asia/Tehran';

export interface JalaliDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: TEHRAN,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Jalali calendar day of an instant, as seen in Tehran. */
export function toJalali(at: Date): JalaliDate {
  const parts = Object.fromEntries(partsFormatter.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number.parseInt(parts.year!, 10), month: Number(parts.month), day: Number(parts.day) };
}

const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: TEHRAN, timeZoneName: 'longOffset' });

/** Tehran's UTC offset at an instant, in minutes (+210 today; +270 in old summers). */
function tehranOffsetMinutes(at: Date): number {
  const name = offsetFormatter.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+03:30';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 210;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant a Jalali day starts in Tehran. */
export function startOfJalaliDay(d: JalaliDate): Date {
  // date-fns-jalali builds a Date in the process's zone; only its calendar fields are used.
  const g = newDate(d.year, d.month - 1, d.day);
  const utcMidnight = Date.UTC(g.getFullYear(), g.getMonth(), g.getDate());
  const guess = new Date(utcMidnight - 210 * 60_000);
  return new Date(utcMidnight - tehranOffsetMinutes(guess) * 60_000);
}

/** [start, end) of a Jalali month in Tehran, for `paidAt >= start AND paidAt < end`. */
export function jalaliMonthRange(year: number, month: number): { start: Date; end: Date } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { start: startOfJalaliDay({ year, month, day: 1 }), end: startOfJalaliDay({ ...next, day: 1 }) };
}

/** The same day n Jalali months later (clamped to the month's length, e.g. 31 Shahrivar → 30 Mehr). */
export function addJalaliMonthsTo(d: JalaliDate, n: number): JalaliDate {
  const moved = addJalaliMonths(newDate(d.year, d.month - 1, d.day), n);
  return { year: getYear(moved), month: getMonth(moved) + 1, day: getDate(moved) };
}

/** A calendar day as stored in `@db.Date` columns (UTC midnight of the Gregorian day). */
export function jalaliToDbDate(d: JalaliDate): Date {
  const g = newDate(d.year, d.month - 1, d.day);
  return new Date(Date.UTC(g.getFullYear(), g.getMonth(), g.getDate()));
}
