/**
 * A sample Sandogh account statement built around a center's own gifts: what the demo
 * uploads for each demo center (seed/demo/statements.ts) and what a trustee downloads from
 * the statements page to try the feature on their center. So a sample always has:
 *   - credits matching the reported gifts by trace number (the bank writes it with zeros);
 *   - a near-miss: the last reported gift's transfer under the bank's own reference, a day
 *     later, with the donor's masked card in the description (proposed by amount, day, card);
 *   - another near-miss: a reported gift's amount five days off (not proposed);
 *   - the month's confirmed gifts on the statement (the reconciliation pairs them);
 *   - strangers: the mosque's cash box paid in at the branch (with a reference) and a cash
 *     deposit without one (both recordable as anonymous gifts); and a bank fee going out.
 * Written in the layout of the shipped example `example:sandogh-web`: csv, Jalali dates,
 * Persian digits and separators, the bank's Persian headers.
 */
import { toJalali } from '../jalali.ts';
import { persianDigits } from '../digits.ts';

/** The shipped layout a sample is written in (example-presets.ts). */
export const SAMPLE_STATEMENT_LAYOUT = 'example:sandogh-web';

const DAY_MS = 86_400_000;
const TEHRAN_OFFSET_MS = 210 * 60_000;

/** One line of a statement file: a bank's calendar day (UTC midnight of it), money in or out. */
export interface SampleStatementLine {
  day: Date;
  credit?: bigint | undefined;
  debit?: bigint | undefined;
  trace?: string | undefined;
  balance?: bigint | undefined;
  description?: string | undefined;
  /** Shown masked (603799******1234) in the description. */
  cardLast4?: string | undefined;
}

/** The randomness a sample needs: the demo passes its seeded generator, a download a fresh one. */
export interface SampleRandom {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** `n` random ASCII digits. */
  digits(n: number): string;
}

export interface SampleGift {
  amountRial: bigint | null;
  traceNumber: string | null;
  cardLast4: string | null;
  paidAt: Date;
}

/** The bank's calendar day of an instant in Tehran (UTC midnight of it). */
export const bankDay = (at: Date, plusDays = 0) => new Date((Math.floor((at.getTime() + TEHRAN_OFFSET_MS) / DAY_MS) + plusDays) * DAY_MS);

/** The statement's lines in the bank's order, with its running balance, up to `uploadDay`. */
export function sampleStatementLines(rng: SampleRandom, reported: readonly SampleGift[], confirmed: readonly SampleGift[], uploadDay: Date): SampleStatementLine[] {
  const lines: SampleStatementLine[] = [];
  const notAfter = (d: Date) => (d > uploadDay ? uploadDay : d);
  const credit = (day: Date, credit: bigint, trace: string | undefined, description: string, cardLast4?: string) =>
    lines.push({ day: notAfter(day), credit, trace, description, cardLast4 });
  const offset = (days: number) => new Date(uploadDay.getTime() + days * DAY_MS);
  const cash = (gifts: readonly SampleGift[]) => gifts.filter((g): g is SampleGift & { amountRial: bigint } => g.amountRial !== null);
  const waiting = cash(reported);

  if (waiting.length) {
    waiting.slice(0, -1).forEach((g) => credit(bankDay(g.paidAt, rng.int(0, 1)), g.amountRial, g.traceNumber ? `00${g.traceNumber}` : undefined, 'انتقال کارت به کارت'));
    const last = waiting[waiting.length - 1]!;
    credit(bankDay(last.paidAt, 1), last.amountRial, `9${rng.digits(11)}`, 'انتقال وجه', last.cardLast4 ?? undefined);
    credit(bankDay(waiting[0]!.paidAt, -5), waiting[0]!.amountRial, `8${rng.digits(11)}`, 'انتقال پایا');
  }
  cash(confirmed).forEach((g) => credit(bankDay(g.paidAt), g.amountRial, g.traceNumber ?? undefined, 'انتقال کارت به کارت'));
  credit(offset(-12), 3_450_000n, `7${rng.digits(11)}`, 'واریز نقدی صندوق صدقات مسجد');
  credit(offset(-6), 1_200_000n, undefined, 'واریز نقدی شعبه');
  lines.push({ day: offset(-20), debit: 60_000n, trace: rng.digits(6), description: 'کارمزد خدمات بانکی' });

  lines.sort((a, b) => a.day.getTime() - b.day.getTime());
  let balance = BigInt(rng.int(200, 900)) * 1_000_000n;
  return lines.map((l) => {
    balance += (l.credit ?? 0n) - (l.debit ?? 0n);
    return { ...l, balance };
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Grouped by thousands with the Persian separator, in Persian digits. */
const amountText = (v: bigint) => persianDigits(v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '٬'));
/** A csv cell as Excel writes it: quoted when it holds a comma, a quote or a line break. */
export const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** «1405/09/01» of a bank's day (UTC midnight, which is that same day in Tehran). */
export function jalaliDayText(day: Date): string {
  const j = toJalali(day);
  return `${j.year}/${pad2(j.month)}/${pad2(j.day)}`;
}

/** A paying card as the bank prints it: its last four digits only. */
export const maskedCard = (last4: string) => `603799******${last4}`;

/** The description as the bank prints it, the paying card masked inside it. */
export function sampleDescription(l: SampleStatementLine): string {
  return [l.description ?? '', l.cardLast4 ? `کارت ${maskedCard(l.cardLast4)}` : ''].filter(Boolean).join(' ');
}

/** The `example:sandogh-web` layout's headers, in its order. */
export const SAMPLE_STATEMENT_HEADERS = ['ردیف', 'تاریخ', 'شرح', 'شماره پیگیری', 'بدهکار', 'بستانکار', 'مانده'];

/** The `i`th line's cells under those headers, as text (Jalali date, Persian digits); '' where the bank leaves a cell empty. */
export function sampleStatementCells(l: SampleStatementLine, i: number): string[] {
  return [
    persianDigits(String(i + 1)),
    persianDigits(jalaliDayText(l.day)),
    sampleDescription(l),
    l.trace ? persianDigits(l.trace) : '',
    l.debit ? amountText(l.debit) : '',
    l.credit ? amountText(l.credit) : '',
    l.balance !== undefined ? amountText(l.balance) : '',
  ];
}

/** The lines as the `example:sandogh-web` layout reads them: csv, Jalali dates, Persian digits. */
export function sampleStatementCsv(lines: readonly SampleStatementLine[]): Buffer {
  const rows = [SAMPLE_STATEMENT_HEADERS, ...lines.map(sampleStatementCells)].map((cells) => cells.map(csvField).join(','));
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}
