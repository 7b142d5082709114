/** How the bot writes amounts, dates and numbers: Persian digits in fa (core/money.ts, core/jalali.ts). */
import { formatJalaliDate } from '../core/jalali.ts';
import { formatToman } from '../core/money.ts';
import type { Language } from './i18n.ts';

const faNumber = new Intl.NumberFormat('fa-IR', { useGrouping: false });

export function toman(amountRial: bigint, lng: Language): string {
  return formatToman(amountRial, lng);
}

export function jalaliDate(date: Date, lng: Language): string {
  return formatJalaliDate(date, lng);
}

/** A count or code in the reader's digits (no grouping: «۱۲۳۴۵»). */
export function digits(n: number | bigint | string, lng: Language): string {
  const s = String(n);
  if (lng === 'en') return s;
  return typeof n === 'string' ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))) : faNumber.format(n);
}
