/**
 * The small RRULE subset task templates use, on the Jalali calendar in Tehran:
 * FREQ=MONTHLY;BYMONTHDAY=d and FREQ=YEARLY;BYMONTH=m;BYMONTHDAY=d (d may be
 * -1 for the month's last day; a day past the month's end is clamped to it).
 */
import { jalaliMonthRange, startOfJalaliDay, type JalaliDate } from '../jalali.ts';

export interface Occurrence {
  /** Stored on the task with templateId and centerId: the scheduler's idempotency key. */
  periodKey: string;
  /**
   * The last millisecond of the due day in Tehran: still that day wherever it is shown
   * (midnight itself would read as the next day in every list and card).
   */
  dueAt: Date;
}

const DAY_MS = 86_400_000;

function monthLength(year: number, month: number): number {
  const { start, end } = jalaliMonthRange(year, month);
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

function parse(rrule: string): Record<string, string> {
  return Object.fromEntries(
    rrule
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((kv) => kv.length === 2)
      .map(([k, v]) => [k!.toUpperCase(), v!.toUpperCase()]),
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The occurrence of a rule in the Jalali month `today` falls in, or null if none (or unsupported). */
export function occurrenceInMonth(rrule: string, today: JalaliDate): Occurrence | null {
  const r = parse(rrule);
  const byDay = Number(r.BYMONTHDAY ?? '1');
  if (!Number.isInteger(byDay) || byDay === 0 || byDay < -1 || byDay > 31) return null;
  const length = monthLength(today.year, today.month);
  const day = byDay === -1 ? length : Math.min(byDay, length);
  const dueAt = new Date(startOfJalaliDay({ year: today.year, month: today.month, day }).getTime() + DAY_MS - 1);
  if (r.FREQ === 'MONTHLY') return { periodKey: `${today.year}-${pad2(today.month)}`, dueAt };
  if (r.FREQ === 'YEARLY') {
    const byMonth = Number(r.BYMONTH);
    if (byMonth !== today.month) return null;
    return { periodKey: `${today.year}`, dueAt };
  }
  return null;
}

/** How often a template recurs, as staff choose it; stored as the RRULE above. */
export interface TemplateSchedule {
  frequency: 'MONTHLY' | 'YEARLY';
  /** Jalali month (1–12) of a yearly duty. */
  month?: number | undefined;
  /** Day of the Jalali month (1–31; past a month's end means its last day). */
  day: number;
}

export function scheduleToRrule(s: TemplateSchedule): string {
  return s.frequency === 'YEARLY' ? `FREQ=YEARLY;BYMONTH=${s.month};BYMONTHDAY=${s.day}` : `FREQ=MONTHLY;BYMONTHDAY=${s.day}`;
}

/** A stored RRULE as a schedule, or null when it is outside the subset above. */
export function rruleToSchedule(rrule: string): TemplateSchedule | null {
  const r = parse(rrule);
  const day = Number(r.BYMONTHDAY ?? '1');
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  if (r.FREQ === 'MONTHLY') return { frequency: 'MONTHLY', day };
  const month = Number(r.BYMONTH);
  if (r.FREQ === 'YEARLY' && Number.isInteger(month) && month >= 1 && month <= 12) return { frequency: 'YEARLY', month, day };
  return null;
}
