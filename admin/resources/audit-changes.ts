/**
 * What an audit row changed, in words, one line a field: «وضعیت: از «در انتظار تأیید» به
 * «تأیید شده»». The trail keeps the exact before/after as JSON (shown beside it for the
 * auditor); an officer reads field names and values as the rest of the panel writes them:
 * the record's own labels, its enum values' labels, Rials and Jalali dates in Persian digits.
 */
import type { Language } from '../../messenger/i18n.ts';
import { digits, formatJalaliDate, formatJalaliDateTime, formatRial } from '../../messenger/format.ts';
import { fillPlaceholders, localeKeys, localeString } from '../locale/index.ts';
import { valueLabel } from './messages.ts';

type Fields = Record<string, unknown>;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const WHOLE = /^-?\d+$/;

function asFields(value: unknown): Fields | null {
  if (typeof value === 'string') {
    try {
      return asFields(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null;
}

function text(lng: Language, key: string): string | undefined {
  return localeString(lng, 'admin-resources', `audit.changes.${key}`);
}

/** A field's label as the record's own page names it, else its stored key. */
function fieldLabel(lng: Language, entity: string, field: string): string {
  return localeString(lng, 'admin-resources', `resources.${entity}.properties.${field}`) ?? field;
}

function date(iso: string, lng: Language): string {
  const at = new Date(iso);
  const midnightUtc = iso.slice(11, 23) === '00:00:00.000';
  // A calendar day is stored as its UTC midnight; a moment is shown with its Tehran time.
  if (midnightUtc || lng === 'en') return formatJalaliDate(at, lng);
  return formatJalaliDateTime(at);
}

/** One value as the panel writes it elsewhere. Ids stay as stored: they are looked up, not read. */
function valueInWords(lng: Language, entity: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return text(lng, 'empty') ?? '—';
  if (typeof value === 'boolean') return text(lng, value ? 'yes' : 'no') ?? String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return digits(value, lng);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'id' || field.endsWith('Id') || field.endsWith('Ids')) return value;
  if (field.endsWith('Rial') && WHOLE.test(value)) return formatRial(BigInt(value), lng);
  if (ISO_TIME.test(value)) return date(value, lng);
  const label = valueLabel(lng, entity, field, value);
  if (label !== value) return label;
  return lng === 'fa' ? digits(value, lng) : value;
}

/**
 * The lines of what changed: a field both sides hold with different values reads "from … to …";
 * one only after (a record created) reads as its value; one only before reads as removed.
 */
export function describeChanges(lng: Language, entity: string, before: unknown, after: unknown): string {
  const was = asFields(before) ?? {};
  const is = asFields(after) ?? {};
  // In the order the record's own page lists its fields (the database keeps no order of keys).
  const order = localeKeys(lng, 'admin-resources', `resources.${entity}.properties`);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines: string[] = [];
  for (const field of fields) {
    const vars = {
      field: fieldLabel(lng, entity, field),
      before: valueInWords(lng, entity, field, was[field]),
      after: valueInWords(lng, entity, field, is[field]),
    };
    const inBefore = field in was;
    const inAfter = field in is;
    if (inBefore && inAfter && JSON.stringify(was[field]) === JSON.stringify(is[field])) continue;
    const key = inBefore && inAfter ? 'changed' : inAfter ? 'set' : 'removed';
    lines.push(fillPlaceholders(text(lng, key) ?? '{{field}}: {{before}} → {{after}}', vars));
  }
  return lines.join('\n');
}
