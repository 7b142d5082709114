/**
 * Instants ↔ Tehran wall-clock time, for the browser. The browser's own zone
 * is never used: a trustee in another zone (or a laptop set to UTC) must
 * still store 14:30 Tehran as 11:00Z. Only Intl with an explicit timeZone.
 * Used by the Jalali date components; kept free of React so it is testable in Node.
 */
export const TEHRAN = 'Asia/Tehran';

/** Gregorian calendar fields of a moment as a clock in some zone shows it; month is 1..12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const tehranParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN,
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** What a clock in Tehran shows at this instant. */
export function tehranWallTime(at: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const p of tehranParts.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: at.getUTCMilliseconds(),
  };
}

/** The wall time read as if it were UTC: the arithmetic ground both directions share. */
function asUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Tehran's offset from UTC at an instant, in milliseconds (+3:30 now; +4:30 in summers before 2022). */
function tehranOffsetMs(at: number): number {
  const wall = tehranWallTime(new Date(at));
  return asUtcMs({ ...wall, millisecond: 0 }) - (at - new Date(at).getUTCMilliseconds());
}

/** The instant at which Tehran's clock shows this wall time. */
export function instantOfTehranWallTime(w: WallTime): Date {
  const local = asUtcMs(w);
  // Guess with the offset around that moment, then correct once across a DST change.
  const first = local - tehranOffsetMs(local - 210 * 60_000);
  const second = local - tehranOffsetMs(first);
  return new Date(second);
}

/** A calendar day stored in a `@db.Date` column: UTC midnight of the Gregorian day, no zone. */
export function dateOnlyInstant(w: Pick<WallTime, 'year' | 'month' | 'day'>): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day));
}

/** The Gregorian day of a `@db.Date` value (read in UTC, where it was written). */
export function dateOnlyWallTime(at: Date): WallTime {
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
}
