/**
 * A statement's dates and amounts as banks write them: Jalali or Gregorian days (with or
 * without a time, as text or as an Excel date), Persian, Arabic or Latin digits, thousands
 * separators of every kind, Rials with or without the word. Each function says `null` for
 * an empty cell and throws nothing: the caller knows the row and column to name.
 */
import { getDate } from 'date-fns-jalali/getDate';
import { getMonth } from 'date-fns-jalali/getMonth';
import { getYear } from 'date-fns-jalali/getYear';
import { newDate } from 'date-fns-jalali/newDate';
import { normalizeCode, toAsciiDigits } from '../../input/normalize.ts';

/** Latin digits; most cells of a bank's export are plain ASCII already, and those are returned as they are (a statement has tens of thousands of cells). */
const NON_ASCII = /[^\x00-\x7f]/;
const ascii = (s: string) => (NON_ASCII.test(s) ? toAsciiDigits(s) : s);
const PLAIN_AMOUNT = /^\d{1,3}(?:,\d{3})*$|^\d{1,18}$/;
import type { StatementMapping } from '../mapping.ts';
import { FormulaCell, type Cell } from './cells.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a Gregorian calendar day. */
export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The calendar day as stored in a `@db.Date` column (UTC midnight). */
export function dayToDate(day: number): Date {
  return new Date(day * DAY_MS);
}

export function dateToDay(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

function gregorianDay(y: number, m: number, d: number): number | 'bad' {
  if (m < 1 || m > 12 || d < 1 || d > 31) return 'bad';
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t.getTime() / DAY_MS : 'bad';
}

function jalaliDay(y: number, m: number, d: number): number | 'bad' {
  if (m < 1 || m > 12 || d < 1 || d > 31) return 'bad';
  // date-fns-jalali builds the Date in the process's zone; only its calendar fields are read.
  const g = newDate(y, m - 1, d);
  if (getYear(g) !== y || getMonth(g) !== m - 1 || getDate(g) !== d) return 'bad';
  return epochDay(g.getFullYear(), g.getMonth() + 1, g.getDate());
}

const YMD = /(?<!\d)(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})/;
const SHORT_YMD = /(?<!\d)(\d{2})[/\-.](\d{1,2})[/\-.](\d{1,2})(?!\d)/;
const DMY = /(?<!\d)(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function fromParts(y: number, m: number, d: number, twoDigitYear: boolean, calendar: StatementMapping['calendar']): number | 'bad' {
  let year = y;
  if (twoDigitYear) {
    // «۰۵/۰۹/۰۱»: only with the calendar said, never guessed.
    if (calendar === 'JALALI') year = 1400 + y < 1480 ? 1400 + y : 1300 + y;
    else if (calendar === 'GREGORIAN') year = 2000 + y;
    else return 'bad';
  }
  const jalali = year >= 1300 && year < 1500;
  const gregorian = year >= 1900 && year < 2200;
  if (jalali && calendar !== 'GREGORIAN') return jalaliDay(year, m, d);
  if (gregorian && calendar !== 'JALALI') return gregorianDay(year, m, d);
  return 'bad';
}

/**
 * A day from a date cell: `null` when the cell holds no digits at all (a blank, «جمع»,
 * "Total": not a line), `'bad'` when it has digits that make no day.
 */
export function parseDay(cell: Cell, calendar: StatementMapping['calendar']): number | null | 'bad' {
  if (cell === null) return null;
  if (cell instanceof FormulaCell) return 'bad';
  // An Excel date cell: exceljs gives UTC midnight of the day shown.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'bad' : gregorianDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    const compact = COMPACT.exec(String(cell));
    if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]), false, calendar);
    return 'bad';
  }
  const s = ascii(cell);
  if (!/\d/.test(s)) return null;
  const compact = COMPACT.exec(s.trim());
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]), false, calendar);
  const ymd = YMD.exec(s);
  if (ymd) return fromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), false, calendar);
  const dmy = DMY.exec(s);
  if (dmy) return fromParts(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), false, calendar);
  const short = SHORT_YMD.exec(s);
  if (short) return fromParts(Number(short[1]), Number(short[2]), Number(short[3]), true, calendar);
  return 'bad';
}

/**
 * An amount in whole Rials, signed: `null` for an empty cell (or a dash), `'bad'` for what
 * is no whole number. Banks write «۱۲٬۵۰۰٬۰۰۰», "12,500,000", "12.500.000", "12500000.00",
 * "(1,000)" or "1,000-" for money out, sometimes followed by «ریال».
 */
export function parseRial(cell: Cell): bigint | null | 'bad' {
  if (cell === null) return null;
  if (cell instanceof FormulaCell || cell instanceof Date) return 'bad';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return 'bad';
    if (!Number.isInteger(cell) || !Number.isSafeInteger(cell)) return 'bad';
    return BigInt(cell);
  }
  // The common case first: "25,000,000" or "25000000".
  if (PLAIN_AMOUNT.test(cell) && cell.length <= 24) return BigInt(cell.includes(',') ? cell.replaceAll(',', '') : cell);
  let s = ascii(cell)
    .replace(/ريال|ریال|rials?|irr/gi, '')
    .replace(/[\s\u200C\u200F\u200E\u00A0,٬،']/g, '');
  if (s === '' || /^[-–—]+$/.test(s)) return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (/[-−–]$/.test(s)) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  s = s.replace(/^\+/, '').replace(/٫/g, '.');
  // A dot between groups of three is a thousands separator; a decimal part must be zeros.
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (/^\d+\.0*$/.test(s)) s = s.replace(/\..*$/, '');
  // Eighteen digits at most: what PostgreSQL's bigint holds whatever they are.
  if (!/^\d{1,18}$/.test(s)) return 'bad';
  const v = BigInt(s);
  return negative ? -v : v;
}

/** A trace or reference number as core keeps codes: Latin digits, no separators; at most 40 characters. */
export function parseCode(cell: Cell): string | null | 'bad' {
  if (cell === null) return null;
  if (cell instanceof FormulaCell || cell instanceof Date) return 'bad';
  const s = typeof cell === 'number' ? (Number.isSafeInteger(cell) ? String(cell) : 'bad') : /^\d+$/.test(cell) ? cell : normalizeCode(cell);
  if (s === 'bad' || s.length > 40) return 'bad';
  return s === '' ? null : s;
}

/** The trace number as compared when matching: leading zeros are dropped (banks pad, donors do not). */
export function traceKey(trace: string | null | undefined): string | null {
  if (!trace) return null;
  const s = trace.replace(/^0+/, '');
  return s === '' ? null : s;
}

const MASK = /[*xX×]/;

/**
 * A masked card number («۶۰۳۷-۹۹**-****-۱۲۳۴», "603799******1234") anywhere in the text: its
 * last four digits. Only a masked one: an unmasked run of 16 digits may be a reference number.
 */
export function cardLast4In(text: string | null): string | null {
  if (!text || !MASK.test(text)) return null;
  for (const m of ascii(text).matchAll(/[\d*xX×][\d*xX×\- ]{10,26}[\d*xX×]/g)) {
    const t = m[0].replace(/[\s-]/g, '');
    if (t.length >= 16 && t.length <= 19 && /[*xX×]/.test(t) && /^\d{4}/.test(t) && /\d{4}$/.test(t)) return t.slice(-4);
  }
  return null;
}
