/**
 * Value helpers shared by the demo seed and the test factories: Iranian national IDs and
 * Sheba numbers with valid check digits, Jalali month arithmetic on date-only values, a
 * seeded PRNG, and Persian names.
 */
// One file per function: the package's index loads all of its modules, seconds of start-up.
import { addMonths } from 'date-fns-jalali/addMonths';
import { format } from 'date-fns-jalali/format';
import { faIR } from 'date-fns-jalali/locale/fa-IR';

// ---------------------------------------------------------------------------------------
// National ID (کد ملی)
// ---------------------------------------------------------------------------------------

/** Check digit of a national ID from its first nine digits: s = sum(d[i] * (10 - i)) mod 11. */
export function nationalIdCheckDigit(nineDigits: string): number {
  if (!/^[0-9]{9}$/.test(nineDigits)) throw new Error(`expected 9 digits, got ${JSON.stringify(nineDigits)}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const c = sum % 11;
  return c < 2 ? c : 11 - c;
}

/** A valid 10-digit national ID from its first nine digits. */
export function nationalIdFrom(nineDigits: string): string {
  return nineDigits + String(nationalIdCheckDigit(nineDigits));
}

/** 10 ASCII digits, not all the same, and a matching check digit. */
export function isValidNationalId(id: string): boolean {
  if (!/^[0-9]{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  return nationalIdCheckDigit(id.slice(0, 9)) === Number(id[9]);
}

// ---------------------------------------------------------------------------------------
// Sheba (Iranian IBAN): 'IR' + 2 check digits + 22-digit BBAN, ISO 13616 mod-97 check.
// ---------------------------------------------------------------------------------------

export function shebaFrom(bban22: string): string {
  if (!/^[0-9]{22}$/.test(bban22)) throw new Error(`expected 22 digits, got ${JSON.stringify(bban22)}`);
  // Rearranged: BBAN + "IR00" with I=18, R=27.
  const check = 98n - (BigInt(`${bban22}182700`) % 97n);
  return `IR${String(check).padStart(2, '0')}${bban22}`;
}

export function isValidSheba(sheba: string): boolean {
  if (!/^IR[0-9]{24}$/.test(sheba)) return false;
  return BigInt(`${sheba.slice(4)}1827${sheba.slice(2, 4)}`) % 97n === 1n;
}

// ---------------------------------------------------------------------------------------
// Dates. Date-only columns (@db.Date) hold UTC midnight; the Jalali calendar is applied to
// that calendar day, independent of the process time zone.
// ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** UTC midnight of the given instant's UTC calendar day. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** The calendar day as a local-noon Date, which date-fns-jalali works on (noon: DST-safe). */
function localNoon(day: Date): Date {
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
}

function fromLocal(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

/**
 * The same Jalali day-of-month `months` Jalali months later (clamped to the month's last
 * day: 31 Shahrivar + 1 month = 30 Mehr), as a date-only value (UTC midnight).
 */
export function addJalaliMonths(day: Date, months: number): Date {
  return fromLocal(addMonths(localNoon(day), months));
}

/** Formats a calendar day on the Jalali calendar, e.g. 'yyyy-MM' -> '1405-07'. */
export function formatJalali(day: Date, pattern: string): string {
  return format(localNoon(day), pattern, { locale: faIR });
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** ASCII digits to Persian digits, for text shown to people. */
export function faDigits(s: string | number | bigint): string {
  return String(s).replace(/[0-9]/g, (d) => FA_DIGITS[Number(d)]!);
}

// ---------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32) and helpers.
// ---------------------------------------------------------------------------------------

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` random ASCII digits. */
  digits(n: number): string;
  /** Rials in [min, max], rounded to `step` (default 100,000 Rials = 10,000 Toman). */
  rial(min: number, max: number, step?: number): bigint;
  shuffle<T>(items: readonly T[]): T[];
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p: number) => next() < p,
    digits: (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
    rial: (min: number, max: number, step = 100_000) => BigInt(int(Math.ceil(min / step), Math.floor(max / step)) * step),
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Persian names.
// ---------------------------------------------------------------------------------------

export const MALE_FIRST_NAMES = [
  'محمد',
  'علی',
  'حسین',
  'رضا',
  'مهدی',
  'حسن',
  'امیر',
  'مصطفی',
  'جواد',
  'سعید',
  'مجید',
  'احمد',
  'محمدرضا',
  'علیرضا',
  'حمید',
  'هادی',
  'ابوالفضل',
  'محسن',
  'مرتضی',
  'وحید',
  'یاسر',
  'صادق',
  'کاظم',
  'ناصر',
  'جعفر',
  'اکبر',
  'قاسم',
  'محمدحسین',
  'امیرحسین',
  'میثم',
] as const;

export const FEMALE_FIRST_NAMES = [
  'فاطمه',
  'زهرا',
  'مریم',
  'معصومه',
  'زینب',
  'سکینه',
  'لیلا',
  'الهام',
  'نرگس',
  'سمیه',
  'اعظم',
  'طاهره',
  'رقیه',
  'مهری',
  'ملیحه',
  'صدیقه',
  'نسرین',
  'فرشته',
  'کبری',
  'منیژه',
  'حمیده',
  'سارا',
  'راضیه',
  'سمانه',
  'کوثر',
  'عاطفه',
] as const;

export const LAST_NAMES = [
  'رضایی',
  'حسینی',
  'محمدی',
  'احمدی',
  'کریمی',
  'موسوی',
  'جعفری',
  'رحیمی',
  'قاسمی',
  'صادقی',
  'نوری',
  'عباسی',
  'طوسی',
  'خراسانی',
  'نیشابوری',
  'سبزواری',
  'رضوی',
  'شریفی',
  'هاشمی',
  'کاظمی',
  'یزدانی',
  'توکلی',
  'فاضلی',
  'میرزایی',
  'عطاری',
  'زمانی',
  'قربانی',
  'باقری',
  'اکبری',
  'سلطانی',
  'امینی',
  'نظری',
  'حیدری',
  'مشهدی',
  'قوچانی',
  'بجستانی',
  'تربتی',
  'گنابادی',
  'فریمانی',
  'چناری',
  'شاندیزی',
  'طرقبه‌ای',
  'کدخدایی',
  'برومند',
  'پورمحمد',
  'مقدم',
  'علوی',
  'نجفی',
] as const;
