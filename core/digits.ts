/**
 * Latin digits to Persian ones («۱۲۳۴»), for text people read: the one place the code base
 * does it. It lives in core, the lowest layer that writes such text (a sample bank statement
 * is written as the bank prints it); the faces take it through messenger/digits.ts. Imports
 * nothing, so the panel's browser components share it too. (Reading input goes the other
 * way: core/input/normalize.ts.)
 */
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function persianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
}
