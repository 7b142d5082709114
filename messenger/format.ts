/**
 * How amounts, dates and numbers are written for people: Persian digits in fa, Toman for
 * amounts (the books keep Rials), the Jalali calendar in Tehran. The bot, the sender, the
 * playground and the panel all write them here.
 */
import { TEHRAN } from '../core/jalali.ts';
import { rialToToman } from '../core/money.ts';
import { persianDigits } from './digits.ts';
import type { Language } from './i18n.ts';

const faNumber = new Intl.NumberFormat('fa-IR', { useGrouping: false });
const faGrouped = new Intl.NumberFormat('fa-IR');
const enGrouped = new Intl.NumberFormat('en-US');

/** A count or code in the reader's digits (no grouping: «۱۲۳۴۵»). */
export function digits(n: number | bigint | string, lng: Language): string {
  const s = String(n);
  if (lng === 'en') return s;
  return typeof n === 'string' ? persianDigits(s) : faNumber.format(n);
}

/** «۲٬۵۰۰٬۰۰۰ تومان» / "2,500,000 Toman" */
export function formatToman(rial: bigint, lng: Language = 'fa'): string {
  const toman = rialToToman(rial);
  return lng === 'fa' ? `${faGrouped.format(toman)} تومان` : `${enGrouped.format(toman)} Toman`;
}

/** «۲۵٬۰۰۰٬۰۰۰ ریال», for the books. */
export function formatRial(rial: bigint, lng: Language = 'fa'): string {
  return lng === 'fa' ? `${faGrouped.format(rial)} ریال` : `${enGrouped.format(rial)} Rial`;
}

const faDate = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: TEHRAN, year: 'numeric', month: 'long', day: 'numeric' });
const faDateTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: TEHRAN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const enDate = new Intl.DateTimeFormat('en-US-u-ca-persian', { timeZone: TEHRAN, year: 'numeric', month: 'long', day: 'numeric' });

/** «۵ آذر ۱۴۰۵» in fa; "Azar 5, 1405 AP" in en. */
export function formatJalaliDate(at: Date, lng: Language = 'fa'): string {
  return (lng === 'fa' ? faDate : enDate).format(at);
}

/** «۱۴۰۵/۰۹/۰۵، ۱۰:۳۰» */
export function formatJalaliDateTime(at: Date): string {
  return faDateTime.format(at);
}
