/**
 * A statement layout: which column of a bank's export holds what, named by the column's
 * header as the bank writes it. Chosen once per bank and kept as a preset; the header row
 * is found in the file by these names, so a header block above the table (bank, account,
 * period) and a totals line below it do not matter.
 *
 * Money: either separate credit (واریز/بستانکار) and debit (برداشت/بدهکار) columns, or one
 * signed amount column (negative = money out). Amounts are Rials, as banks write them.
 */
import { z } from 'zod';
import { normalizeText } from '../input/normalize.ts';

const header = z
  .string({ message: 'VALIDATION' })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { message: 'REQUIRED' }).max(100, { message: 'TEXT_TOO_LONG' }));
const optionalHeader = z
  .string({ message: 'VALIDATION' })
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined))
  .pipe(z.string().max(100, { message: 'TEXT_TOO_LONG' }).optional());

export const STATEMENT_CALENDARS = ['AUTO', 'JALALI', 'GREGORIAN'] as const;

export const statementMapping = z
  .object({
    /** The day of the transaction (a date, or a date and time). */
    date: header,
    credit: optionalHeader,
    debit: optionalHeader,
    /** One signed column instead of credit and debit. */
    amount: optionalHeader,
    trace: optionalHeader,
    description: optionalHeader,
    balance: optionalHeader,
    /** The paying card's number (masked); else its last four digits are looked for in the description. */
    card: optionalHeader,
    /** AUTO: a year from 1300 to 1499 is Jalali, from 1900 on Gregorian. */
    calendar: z.enum(STATEMENT_CALENDARS, { message: 'VALIDATION' }).default('AUTO'),
  })
  .refine((m) => !!m.credit || !!m.amount, { message: 'REQUIRED', path: ['credit'] });

export type StatementMapping = z.output<typeof statementMapping>;
export type StatementMappingInput = z.input<typeof statementMapping>;

/** The fields of a mapping that name columns, in the order a form asks them. */
export const MAPPING_COLUMNS = ['date', 'credit', 'debit', 'amount', 'trace', 'description', 'balance', 'card'] as const;
export type MappingColumn = (typeof MAPPING_COLUMNS)[number];

/** A header as compared: digits, ی/ک and spaces folded, ZWNJ as a space, case ignored. */
export function headerKey(raw: string): string {
  return normalizeText(raw).replace(/\u200C/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
