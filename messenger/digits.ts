/**
 * Latin digits to Persian ones («۱۲۳۴»), for text people read: the one place the code base
 * does it. Imports nothing, so the panel's browser components share it too. (Reading input
 * goes the other way: core/input/normalize.ts.)
 */
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function persianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
}
