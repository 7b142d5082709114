/**
 * Text as people type it on Persian keyboards, made comparable: Persian and
 * Arabic-Indic digits to ASCII, Arabic ي/ك to Persian ی/ک, invisible
 * direction marks and zero-width characters removed, whitespace folded.
 * ZWNJ (نیم‌فاصله) is part of Persian spelling and is kept in free text; it
 * is removed from codes and numbers.
 */
import { digitsArToEn, digitsFaToEn } from '@persian-tools/persian-tools';

// ZWSP, ZWJ, LRM, RLM, ALM, bidi embeddings/overrides/isolates, BOM, soft hyphen, tatweel.
const INVISIBLE = /[\u200B\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u0640]/g;
const ZWNJ = /\u200C/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function toAsciiDigits(s: string): string {
  return digitsArToEn(digitsFaToEn(s));
}

export function toPersianLetters(s: string): string {
  return s.replace(/ي|ى/g, 'ی').replace(/ك/g, 'ک').replace(/ة/g, 'ه');
}

/** For names, addresses and notes. */
export function normalizeText(s: string): string {
  return normalizeMessage(toAsciiDigits(s));
}

/**
 * For a message people will read as written (a broadcast): the same cleaning, but the
 * digits stay in the script the writer typed («ساعت ۱۷» goes out as typed).
 */
export function normalizeMessage(s: string): string {
  return toPersianLetters(s.normalize('NFC'))
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .replace(/\u200C{2,}/g, '\u200C')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** Letters, digits, punctuation or symbols: what a reader can see (Hangul fillers and the blank Braille cell are letters and symbols that show nothing). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LOOKALIKES = /[\u115F\u1160\u3164\uFFA0\u2800]/g;

/**
 * Whether a text has anything to read. A reason made only of ZWNJs, spaces or other
 * invisible characters survives normalisation (the ZWNJ is kept for Persian spelling)
 * but tells its reader nothing.
 */
export function hasVisibleText(s: string): boolean {
  return VISIBLE.test(s.replace(BLANK_LOOKALIKES, ''));
}

/** For codes and numbers: also no ZWNJ, no spaces, no dashes. */
export function normalizeCode(s: string): string {
  return normalizeText(s).replace(ZWNJ, '').replace(/[\s\-_.,/،٫٬]/g, '');
}
