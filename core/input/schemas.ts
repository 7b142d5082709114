/**
 * zod schemas shared by the bot and the panel. Each normalises first (digits
 * in any script, ی/ک, invisible characters) and fails with an error code that
 * is a locale key, so both front ends explain the problem the same way.
 */
import { isShebaValid, phoneNumberNormalizer } from '@persian-tools/persian-tools';
import { z } from 'zod';
import { defaultSettings } from '../context.ts';
import { DomainError, type ErrorCode } from '../errors.ts';
import { hasVisibleText, normalizeCode, normalizeMessage, normalizeText } from './normalize.ts';

const code = (c: ErrorCode) => ({ message: c });

/** An on/off setting as written in an environment file: 1/0, true/false, yes/no. */
export const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Free text of bounded length (names, addresses, reasons). It must have something to read:
 * text made only of invisible characters (ZWNJ, ZWJ, direction marks, spaces) is refused with
 * TEXT_NOT_VISIBLE, so a donor is never sent an empty-looking reason.
 */
export const text = (max = 500) => visibleText(max, normalizeText);

function visibleText(max: number, normalize: (raw: string) => string) {
  return z
    .string(code('REQUIRED'))
    .transform((raw, ctx) => {
      const s = normalize(raw);
      if (hasVisibleText(s)) return s;
      // Nothing typed (or only spaces) is simply missing; invisible characters were typed but say nothing.
      ctx.addIssue({ code: 'custom', message: raw.trim() === '' ? 'REQUIRED' : 'TEXT_NOT_VISIBLE' });
      return z.NEVER;
    })
    .pipe(z.string().max(max, code('TEXT_TOO_LONG')));
}

/** A message read as written (a broadcast): checked like free text, its digits kept as typed. */
export const messageText = (max = 500) => visibleText(max, normalizeMessage);

/** Optional free text; one with nothing to read counts as not given. */
export const optionalText = (max = 500) =>
  z
    .string()
    .transform(normalizeText)
    .transform((v) => (hasVisibleText(v) ? v : ''))
    .pipe(z.string().max(max, code('TEXT_TOO_LONG')))
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * Optional free text in an edit: not sent keeps what is there; sent with nothing to read
 * (a field the person emptied) clears it, as null. An optionalText would take the emptied
 * field for "not given" and keep the old text while answering "saved".
 */
export const clearableText = (max = 500) =>
  z
    .string()
    .transform(normalizeText)
    .transform((v) => (hasVisibleText(v) ? v : null))
    .pipe(z.string().max(max, code('TEXT_TOO_LONG')).nullable())
    .optional();

/**
 * Any other optional field in an edit (a phone number, an account number, a day): not sent
 * keeps what is there, sent empty clears it (null), anything else must pass `schema`. The
 * form keeps the field `schema` asks for (`meta`: a day stays a date picker).
 */
export const clearable = <O>(schema: z.ZodType<O, string> | z.ZodType<O, string | Date>, meta: { type: 'string'; format?: string } = { type: 'string' }) =>
  z
    .string()
    .transform((v) => (hasVisibleText(normalizeText(v)) ? v : null))
    .pipe((schema as z.ZodType<O, string>).nullable())
    .meta(meta)
    .optional();

/** The same for a number (a map coordinate): emptied, it is cleared; the form keeps a number field. */
export const clearableNumber = (schema: z.ZodNumber) =>
  z
    .union([z.literal(''), z.null(), schema])
    .transform((v) => (v === '' ? null : v))
    .meta({ type: 'number' })
    .optional();

/**
 * National ID (کد ملی): 10 digits with a valid check digit. The library's
 * prefix (city code) check rejects some real IDs, so only the checksum is used.
 */
export function isValidNationalIdChecksum(id: string): boolean {
  if (!/^\d{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  const digits = [...id].map(Number);
  const sum = digits.slice(0, 9).reduce((s, d, i) => s + d * (10 - i), 0) % 11;
  const check = digits[9]!;
  return sum < 2 ? check === sum : check === 11 - sum;
}

export const nationalId = z
  .string(code('INVALID_NATIONAL_ID'))
  .transform(normalizeCode)
  // Old cards sometimes drop leading zeros: 8 or 9 digits are padded back.
  .transform((s) => (/^\d{8,9}$/.test(s) ? s.padStart(10, '0') : s))
  .refine(isValidNationalIdChecksum, code('INVALID_NATIONAL_ID'));

/** Iranian mobile in any common form (+98, 0098, 98, 9…, 09…) → 09xxxxxxxxx. */
export const mobile = z
  .string(code('INVALID_MOBILE'))
  .transform(normalizeCode)
  .transform((s) => s.replace(/^\+/, '').replace(/^0098/, '98').replace(/^98(?=9\d{9}$)/, '0').replace(/^(?=9\d{9}$)/, '0'))
  .refine((s) => /^09\d{9}$/.test(s), code('INVALID_MOBILE'))
  .transform((s) => phoneNumberNormalizer(s, '0') ?? s);

/** Sheba (IBAN) of an Iranian account: IR + 24 digits with a valid ISO 7064 check. */
export const sheba = z
  .string(code('INVALID_SHEBA'))
  .transform((s) => normalizeCode(s).toUpperCase())
  .transform((s) => (/^\d{24}$/.test(s) ? `IR${s}` : s))
  .refine((s) => /^IR\d{24}$/.test(s) && isShebaValid(s), code('INVALID_SHEBA'));

/**
 * What a caller may pass for a whole number or an amount: a number, a BigInt, or
 * the text a person typed (any digits, thousands separators). The schema still
 * takes any value at run time and refuses the rest with its own error code.
 */
export type WholeNumberInput = string | number | bigint;

/** A whole number typed in any digits, with thousands separators allowed. */
function parseWhole(input: unknown): bigint | null {
  if (typeof input === 'bigint') return input;
  if (typeof input === 'number') return Number.isSafeInteger(input) ? BigInt(input) : null;
  if (typeof input !== 'string') return null;
  // Thousands separators go; a decimal point (. or ٫) makes it not a whole number.
  const s = normalizeText(input).replace(/[\s,٬،'\u200C]/g, '');
  if (!/^-?\d{1,20}$/.test(s)) return null;
  return BigInt(s);
}

/**
 * An amount of money. People speak Toman, the books keep Rials (1 Toman = 10 Rials);
 * the result is always Rials, within the configured bounds.
 */
export const amount = (unit: 'TOMAN' | 'RIAL', bounds = { min: defaultSettings.minAmountRial, max: defaultSettings.maxAmountRial }) =>
  z.custom<WholeNumberInput>().transform((input, ctx) => {
    const whole = parseWhole(input);
    if (whole === null) {
      ctx.addIssue({ code: 'custom', message: 'INVALID_AMOUNT' });
      return z.NEVER;
    }
    const rial = unit === 'TOMAN' ? whole * 10n : whole;
    if (rial < bounds.min || rial > bounds.max) {
      ctx.addIssue({ code: 'custom', message: 'AMOUNT_OUT_OF_RANGE' });
      return z.NEVER;
    }
    return rial;
  })
  // What a form asks for: a whole number in the unit people speak (JSON Schema of the input).
  .meta({ type: 'integer', format: 'money', unit });

export const positiveInt = (max = 1_000_000) =>
  z.custom<WholeNumberInput>().transform((input, ctx) => {
    const whole = parseWhole(input);
    if (whole === null || whole < 1n || whole > BigInt(max)) {
      ctx.addIssue({ code: 'custom', message: 'VALIDATION' });
      return z.NEVER;
    }
    return Number(whole);
  })
  .meta({ type: 'integer', minimum: 1, maximum: max });

/**
 * A calendar day (a @db.Date: no time, no zone): an ISO date `YYYY-MM-DD` in any digits,
 * or a Date, taken as that UTC day. Anything else is INVALID_DATE.
 */
export const day = z
  .custom<string | Date>()
  .transform((input, ctx) => {
    const iso = input instanceof Date ? input.toISOString().slice(0, 10) : typeof input === 'string' ? normalizeText(input).slice(0, 10) : '';
    const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: 'INVALID_DATE' });
      return z.NEVER;
    }
    return d;
  })
  .meta({ type: 'string', format: 'date' });

export const cardLast4 = z
  .string(code('VALIDATION'))
  .transform(normalizeCode)
  .refine((s) => /^\d{4}$/.test(s), code('VALIDATION'));

export const id = z.string(code('VALIDATION')).min(1, code('VALIDATION')).max(64, code('VALIDATION'));

/**
 * Validates input with a schema; a failure becomes a DomainError carrying the
 * first problem's code and the field it concerns. Nothing else is ever thrown.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const known = issue?.message && /^[A-Z_]+$/.test(issue.message) ? (issue.message as ErrorCode) : 'VALIDATION';
  throw new DomainError(known, { field: issue?.path.join('.') ?? '' }, issue?.message);
}
