/**
 * Reading what donors type: amounts, counts, Jalali dates, trace numbers and
 * card digits, in any digits (Persian, Arabic-Indic, ASCII). Pure functions:
 * the same answer parses the same way on every replay of a conversation.
 * A failure names the locale key that explains it.
 */
import { DomainError } from '../../core/errors.ts';
import { normalizeCode, normalizeText, toAsciiDigits } from '../../core/input/normalize.ts';
import { amount, cardLast4, parseInput, positiveInt } from '../../core/input/schemas.ts';
import { jalaliToDbDate, startOfJalaliDay, toJalali, type JalaliDate } from '../../core/jalali.ts';
import { persianDigits } from '../../messenger/digits.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, unknown> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string, params?: Record<string, unknown>): Parsed<never> => ({ ok: false, error, params });

/**
 * Made once: a conversation parses its earlier answers again at every step (grammY's replay),
 * and building a zod schema costs more than parsing with it.
 */
const tomanAmount = amount('TOMAN');
const counts = new Map<number, ReturnType<typeof positiveInt>>();

/** An amount typed in Toman → Rials as a decimal string (BigInt is not JSON). */
export function parseTomanAmount(text: string): Parsed<string> {
  try {
    return ok(parseInput(tomanAmount, text).toString());
  } catch (e) {
    if (e instanceof DomainError) return fail(`errors:${e.code}`);
    throw e;
  }
}

/** A whole number from 1 to max (installments, hours). */
export function parseCount(text: string, max: number): Parsed<number> {
  let schema = counts.get(max);
  if (!schema) counts.set(max, (schema = positiveInt(max)));
  const r = schema.safeParse(text);
  return r.success ? ok(r.data) : fail('invalid');
}

/** A person's name: letters, at most 100 characters, no digits or commands. */
export function parseName(text: string): Parsed<string> {
  const s = normalizeText(text);
  if (!s || s.length > 100 || /\d/.test(s) || s.startsWith('/')) return fail('donor:register.badName');
  return ok(s);
}

export function parseTraceNumber(text: string): Parsed<string> {
  const s = normalizeCode(text);
  return /^[0-9A-Za-z]{4,40}$/.test(s) ? ok(s) : fail('donor:pay.badTrace');
}

export function parseCardLast4(text: string): Parsed<string> {
  const r = cardLast4.safeParse(text);
  return r.success ? ok(r.data) : fail('donor:pay.badCard');
}

/** «۱۴۰۵/۰۹/۰۵», «1405-9-5», «۰۵/۰۹/۰۵» (two-digit years are 14xx) → a real Jalali day. */
export function parseJalaliDate(text: string): JalaliDate | null {
  const m = /^(\d{2}|\d{4})[/\-.٫](\d{1,2})[/\-.٫](\d{1,2})$/.exec(toAsciiDigits(normalizeText(text)).replace(/\s+/g, ''));
  if (!m) return null;
  const year = m[1]!.length === 2 ? 1400 + Number(m[1]) : Number(m[1]);
  const d = { year, month: Number(m[2]), day: Number(m[3]) };
  if (d.year < 1300 || d.year > 1500 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return null;
  // The calendar check: 31 Mehr or 30 Esfand of a common year do not exist.
  const back = toJalali(new Date(jalaliToDbDate(d).getTime() + 12 * 3600_000));
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : null;
}

export function sameDay(a: JalaliDate, b: JalaliDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * When a payment on a Jalali day happened, as an ISO instant: today is "now"
 * (a payment cannot be later than the report), an earlier day its noon in Tehran.
 */
export function paidAtFor(day: JalaliDate, nowIso: string): Parsed<string> {
  const now = new Date(nowIso);
  const today = toJalali(now);
  if (sameDay(day, today)) return ok(now.toISOString());
  const noon = new Date(startOfJalaliDay(day).getTime() + 12 * 3600_000);
  if (noon.getTime() > now.getTime()) return fail('donor:pay.futureDate');
  return ok(noon.toISOString());
}

/** The day before, in Tehran. */
export function yesterdayOf(nowIso: string): JalaliDate {
  const start = startOfJalaliDay(toJalali(new Date(nowIso)));
  return toJalali(new Date(start.getTime() - 12 * 3600_000));
}

/** «۱۴۰۵/۰۹/۰۵» in fa, "1405/09/05" in en: how the donor is shown to type a date. */
export function jalaliExample(d: JalaliDate, lng: 'fa' | 'en'): string {
  const s = `${d.year}/${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}`;
  return lng === 'fa' ? persianDigits(s) : s;
}
