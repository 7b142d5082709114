/**
 * Notification params are stored as plain values (core/outbox.ts); the reader
 * sees them in their own language: Persian digits, Jalali dates and Toman in
 * fa. Conventions, so templates stay simple:
 *   - `xRial` (digits) → an amount in Toman; also offered as `x` («{{amount}}»);
 *   - "YYYY-MM-DD" (a calendar day) or an ISO instant → a Jalali date;
 *   - a value with a label `notifications:labels.<key>.<value>` (roles, funds) → the label;
 *   - numbers and codes without letters (receipt numbers) → the reader's digits;
 *   - any other text (titles, reasons, a broadcast) is shown as written.
 */
import type { NotificationParams } from '../core/outbox.ts';
import { digits, formatJalaliDate, formatToman } from './format.ts';
import { i18n, type Language } from './i18n.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const HAS_LETTER = /\p{L}/u;

export function formatParams(params: NotificationParams | null | undefined, lng: Language): Record<string, string> {
  const out: Record<string, string> = {};
  const source = params ?? {};
  for (const [key, value] of Object.entries(source)) {
    out[key] = formatValue(key, value, lng);
    if (key.endsWith('Rial') && key.length > 4 && typeof value === 'string' && /^-?\d+$/.test(value)) {
      const base = key.slice(0, -4);
      if (!(base in source)) out[base] = out[key]!;
    }
  }
  return out;
}

function formatValue(key: string, value: NotificationParams[string], lng: Language): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return digits(value, lng);
  if (key.endsWith('Rial') && /^-?\d+$/.test(value)) return formatToman(BigInt(value), lng);
  if (DAY.test(value)) return formatJalaliDate(new Date(`${value}T00:00:00Z`), lng);
  if (INSTANT.test(value)) return formatJalaliDate(new Date(value), lng);
  const label = `notifications:labels.${key}.${value}`;
  if (/^[A-Z][A-Z_]*$/.test(value) && i18n.exists(label, { lng })) return String(i18n.t(label, { lng }));
  if (!HAS_LETTER.test(value)) return digits(value, lng);
  return value;
}
