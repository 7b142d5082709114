/**
 * The shared input schemas: Persian and Arabic-Indic digits, ی/ک, invisible
 * characters, and a fuzz of malformed input that must come back either
 * normalised or as a typed DomainError — never anything else.
 */
import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES } from '../../core/errors.ts';
import { normalizeText } from '../../core/input/normalize.ts';
import { amount, cardLast4, isValidNationalIdChecksum, mobile, nationalId, optionalText, parseInput, sheba, text } from '../../core/input/schemas.ts';

describe('normalisation', () => {
  it('turns Persian and Arabic-Indic digits into ASCII and Arabic ي/ك into ی/ک', () => {
    expect(normalizeText('علي كريمي ۱۲۳ ٤٥٦')).toBe('علی کریمی 123 456');
  });
  it('removes zero-width and bidi controls, keeps the ZWNJ of Persian spelling, folds spaces', () => {
    expect(normalizeText('\u202Bمی\u200Cخواهم\u200F  \u200B کمک\u202C ')).toBe('می\u200Cخواهم کمک');
  });
});

describe('free text', () => {
  it('is refused when it has nothing to read (ZWNJ, ZWJ, direction marks), and is missing when blank', () => {
    for (const invisible of ['\u200C', '\u200C\u200C', '\u200D\u200C \u200F\u200E', '\u3164'])
      expect(() => parseInput(text(), invisible), JSON.stringify(invisible)).toThrowError(expect.objectContaining({ code: 'TEXT_NOT_VISIBLE' }));
    for (const blank of ['', '   ', '\u00A0']) expect(() => parseInput(text(), blank)).toThrowError(expect.objectContaining({ code: 'REQUIRED' }));
    expect(parseInput(text(), ' ۱۰ \u200Cکیلو ')).toBe('10 \u200Cکیلو');
    expect(parseInput(text(), '؟')).toBe('؟');
  });
  it('optional text with nothing to read counts as not given', () => {
    expect(parseInput(optionalText(), '\u200C\u200C')).toBeUndefined();
    expect(parseInput(optionalText(), 'یادداشت')).toBe('یادداشت');
  });
});

describe('national ID', () => {
  it('accepts a valid ID typed in any digits, with separators', () => {
    expect(parseInput(nationalId, '۰۴۹۹۳۷۰۸۹۹')).toBe('0499370899');
    expect(parseInput(nationalId, '٠٤٩٩-٣٧٠٨٩٩')).toBe('0499370899');
    expect(parseInput(nationalId, '499370899')).toBe('0499370899'); // leading zero dropped on old cards
  });
  it('rejects a wrong check digit, repeated digits and wrong lengths', () => {
    for (const bad of ['0499370898', '1111111111', '0000000000', '12345', '04993708990', 'abcdefghij', ''])
      expect(() => parseInput(nationalId, bad), bad).toThrowError(expect.objectContaining({ code: 'INVALID_NATIONAL_ID' }));
  });
  it('checks only the checksum, not the city prefix (some real prefixes are missing from lists)', () => {
    expect(isValidNationalIdChecksum('9990000001')).toBe(true);
  });
});

describe('mobile', () => {
  it.each(['09121234567', '۰۹۱۲۱۲۳۴۵۶۷', '+989121234567', '00989121234567', '989121234567', '9121234567', '0912 123 4567', '0912-123-4567'])(
    '%s → 09121234567',
    (input) => expect(parseInput(mobile, input)).toBe('09121234567'),
  );
  it.each(['0212345678', '0912123456', '091212345678', '+44 7700 900123', 'تلفن'])('rejects %s', (input) => {
    expect(() => parseInput(mobile, input)).toThrowError(expect.objectContaining({ code: 'INVALID_MOBILE' }));
  });
});

describe('Sheba', () => {
  it('accepts a valid one in any digits and case, rejects a wrong check', () => {
    expect(parseInput(sheba, 'ir۸۲ ۰۵۴۰ ۱۰۲۶ ۸۰۰۲ ۰۸۱۷ ۹۰۹۰ ۰۲')).toBe('IR820540102680020817909002');
    expect(() => parseInput(sheba, 'IR820540102680020817909003')).toThrowError(expect.objectContaining({ code: 'INVALID_SHEBA' }));
  });
});

describe('amounts', () => {
  it('reads Toman in any digits with separators and keeps Rials as BigInt', () => {
    expect(parseInput(amount('TOMAN'), '۲٬۵۰۰٬۰۰۰')).toBe(25_000_000n);
    expect(parseInput(amount('TOMAN'), '2,500,000')).toBe(25_000_000n);
    expect(parseInput(amount('RIAL'), 25_000_000)).toBe(25_000_000n);
  });
  it('rejects negative, zero, fractional, huge and non-numeric amounts with typed codes', () => {
    expect(() => parseInput(amount('TOMAN'), '-5000')).toThrowError(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => parseInput(amount('TOMAN'), '0')).toThrowError(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => parseInput(amount('TOMAN'), '99999999999999999')).toThrowError(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => parseInput(amount('TOMAN'), '12.5')).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => parseInput(amount('TOMAN'), 'پنج هزار')).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => parseInput(amount('TOMAN'), 1e300)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...'0123456789', ...'۰۱۲۳۴۵۶۷۸۹', ...'٠١٢٣٤٥٦٧٨٩', ...'abcIR+-., /',
  'ي', 'ك', 'ی', 'ک', 'ة', '\u200B', '\u200C', '\u200D', '\u202E', '\u2067', '\uFEFF', '\u0000', '\u0007', '\n', '\t', '💰', '٬', '،',
];

describe('fuzz: malformed input never escapes as anything but a typed error', () => {
  const schemas = { nationalId, mobile, sheba, cardLast4, toman: amount('TOMAN'), rial: amount('RIAL'), name: text(60) };
  const next = rng(1405);
  const samples: unknown[] = [null, undefined, 0, -1, 1.5, NaN, Infinity, 2n ** 70n, {}, [], true, '', ' ', 'x'.repeat(10_000)];
  for (let i = 0; i < 400; i++) {
    const len = Math.floor(next() * 30);
    samples.push(Array.from({ length: len }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
  }

  it.each(Object.entries(schemas))('%s', (_name, schema) => {
    let accepted = 0;
    for (const input of samples) {
      try {
        const out = parseInput(schema as never, input);
        accepted++;
        // whatever is accepted is clean: no invisible characters, ASCII digits only
        if (typeof out === 'string') expect(out).not.toMatch(/[\u200B\u200D\u202A-\u202E\u2066-\u2069\uFEFF\u0000-\u0008۰-۹٠-٩يك]/u);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect(ERROR_CODES).toContain((e as DomainError).code);
      }
    }
    expect(accepted).toBeLessThan(samples.length); // the fuzz did exercise rejections
  });
});
