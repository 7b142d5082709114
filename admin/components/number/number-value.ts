/**
 * A stored number shown to a person: a count, a quantity, hours, a receipt number, a row
 * number or a coordinate, in the reader's digits (Persian in fa, Latin in en).
 */
import type { Lang } from '../lang.ts';

/** The number, or null when empty or not a number (a BigInt id arrives as a decimal string). */
export function parseStoredNumber(stored: unknown): number | bigint | null {
  if (typeof stored === 'bigint') return stored;
  if (typeof stored === 'number') return Number.isFinite(stored) ? stored : null;
  if (typeof stored !== 'string') return null;
  const s = stored.trim();
  if (/^-?\d+$/.test(s)) return Number.isSafeInteger(Number(s)) ? Number(s) : BigInt(s);
  const n = s === '' ? NaN : Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * «۱۲٬۵۰۰» for a count; without separators («۱۰۲۴») for a number people read out as a
 * reference (a receipt number, a row number) or a coordinate («۳۶٫۲۱۴۹»: every stored
 * decimal kept, where Intl would round to three).
 */
export function formatStoredNumber(stored: unknown, lang: Lang, options: { grouping: boolean }): string {
  const n = parseStoredNumber(stored);
  if (n === null) return '';
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { useGrouping: options.grouping, maximumFractionDigits: 20 }).format(n);
}

/** A property marks itself as a reference number or a coordinate with `custom: { plainDigits: true }`. */
export function groupingOf(property: { custom?: Record<string, unknown> }): boolean {
  return property.custom?.plainDigits !== true;
}
