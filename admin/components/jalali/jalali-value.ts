/**
 * Between what the database stores (an ISO instant) and what the Jalali
 * picker holds (a react-date-object DateObject in the `persian` calendar).
 * Only calendar fields cross over: the Jalali ↔ Gregorian step is calendar
 * arithmetic, and the Gregorian ↔ instant step reads Tehran's clock through
 * tehran-time.ts. `DateObject#toDate()` (the browser's zone) is never used.
 */
import DateObjectModule from 'react-date-object';
import gregorian from 'react-date-object/calendars/gregorian';
import persian from 'react-date-object/calendars/persian';
import persian_en from 'react-date-object/locales/persian_en';
import persian_fa from 'react-date-object/locales/persian_fa';
import type { Lang } from '../lang.ts';
import { dateOnlyInstant, dateOnlyWallTime, instantOfTehranWallTime, tehranWallTime, type WallTime } from './tehran-time.ts';

/** The package is CommonJS with `exports.default` and no __esModule flag, so importers get the exports object. */
const DateObject: typeof DateObjectModule =
  (DateObjectModule as unknown as { default?: typeof DateObjectModule }).default ?? DateObjectModule;
export type JalaliDateObject = DateObjectModule;

/** 'datetime': an instant, shown in Tehran. 'date': a calendar day (`@db.Date`, UTC midnight). */
export type DateKind = 'datetime' | 'date';
export type { Lang };

export const persianCalendar = persian;
export function pickerLocale(lang: Lang) {
  return lang === 'fa' ? persian_fa : persian_en;
}

/** A stored value (ISO string or Date) as a Date, or null when empty or unreadable. */
export function parseStored(stored: unknown): Date | null {
  if (stored instanceof Date) return Number.isNaN(stored.getTime()) ? null : stored;
  if (typeof stored !== 'string' || stored.trim() === '') return null;
  const at = new Date(stored);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The Jalali day (and Tehran time) of a stored value, for the picker; null when empty. */
export function toPickerValue(stored: unknown, kind: DateKind, lang: Lang = 'fa'): JalaliDateObject | null {
  const at = parseStored(stored);
  if (!at) return null;
  const wall = kind === 'date' ? dateOnlyWallTime(at) : tehranWallTime(at);
  return new DateObject({ calendar: gregorian, ...wall }).convert(persian, pickerLocale(lang));
}

/** Which moment of the picked day to store: as picked (with its time), or the day's first or last instant. */
export type DayEdge = 'asPicked' | 'dayStart' | 'dayEnd';

function wallTimeOf(picked: JalaliDateObject, kind: DateKind, edge: DayEdge): WallTime {
  const g = new DateObject(picked).convert(gregorian);
  const day = { year: g.year, month: g.month.number, day: g.day };
  if (edge === 'dayEnd') return { ...day, hour: 23, minute: 59, second: 59, millisecond: 999 };
  if (edge === 'dayStart' || kind === 'date') return { ...day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  return { ...day, hour: picked.hour, minute: picked.minute, second: 0, millisecond: 0 };
}

/**
 * The ISO instant to store for a picked Jalali day (and time). Filters use
 * 'dayStart' for "from" and 'dayEnd' for "to": @adminjs/prisma compares both
 * inclusively, so "to" is 23:59:59.999 of that day in Tehran.
 */
export function fromPickerValue(picked: JalaliDateObject, kind: DateKind, edge: DayEdge = 'asPicked'): string {
  const wall = wallTimeOf(picked, kind, edge);
  if (kind === 'date') {
    const day = dateOnlyInstant(wall);
    return new Date(day.getTime() + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + wall.millisecond).toISOString();
  }
  return instantOfTehranWallTime(wall).toISOString();
}

/**
 * A property is a calendar day when the resource says so (`type: 'date'`, or
 * `custom: { dateOnly: true }` on a `@db.Date` column, which @adminjs/prisma reports as 'datetime').
 */
export function dateKindOf(property: { type: string; custom?: Record<string, unknown> }): DateKind {
  return property.type === 'date' || property.custom?.dateOnly === true ? 'date' : 'datetime';
}

/** «آذر ۱۴۰۵»: the Jalali month (in Tehran) of an instant. */
export function formatJalaliMonth(stored: unknown, lang: Lang = 'fa'): string {
  return toPickerValue(stored, 'datetime', lang)?.format('MMMM YYYY') ?? '';
}

/** «۲۹ اسفند ۱۴۰۳، ۱۴:۳۰» (fa) or "29 Esfand 1403, 14:30" (en); the date alone for 'date'. */
export function formatJalali(stored: unknown, kind: DateKind, lang: Lang = 'fa'): string {
  const value = toPickerValue(stored, kind, lang);
  if (!value) return '';
  const separator = lang === 'fa' ? '، ' : ', ';
  return value.format(kind === 'date' ? 'D MMMM YYYY' : `D MMMM YYYY${separator}HH:mm`);
}
