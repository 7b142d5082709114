import { describe, expect, it } from 'vitest';
import { addJalaliMonthsTo, jalaliMonthRange, jalaliToDbDate, startOfJalaliDay, toJalali } from '../../core/jalali.ts';
import { formatJalaliDate, formatRial, formatToman } from '../../messenger/format.ts';

describe('Jalali calendar in Asia/Tehran', () => {
  it('reads the Tehran calendar day of an instant, whatever the server zone', () => {
    expect(toJalali(new Date('2026-11-26T08:00:00Z'))).toEqual({ year: 1405, month: 9, day: 5 });
    // 21:00 UTC is already the next day in Tehran (UTC+3:30)
    expect(toJalali(new Date('2026-11-26T21:00:00Z'))).toEqual({ year: 1405, month: 9, day: 6 });
  });

  it('gives month bounds as Tehran midnights, leap Esfand included', () => {
    const azar = jalaliMonthRange(1405, 9);
    expect(azar.start.toISOString()).toBe('2026-11-21T20:30:00.000Z');
    expect(azar.end.toISOString()).toBe('2026-12-21T20:30:00.000Z');
    const esfand1403 = jalaliMonthRange(1403, 12); // 1403 is a leap year: 30 days
    expect(esfand1403.end.toISOString()).toBe('2025-03-20T20:30:00.000Z');
    expect((esfand1403.end.getTime() - esfand1403.start.getTime()) / 86_400_000).toBe(30);
  });

  it('used Tehran summer time before 2023', () => {
    expect(startOfJalaliDay({ year: 1400, month: 4, day: 1 }).toISOString()).toBe('2021-06-21T19:30:00.000Z');
  });

  it('adds months on the Jalali calendar, clamping to the shorter month', () => {
    expect(addJalaliMonthsTo({ year: 1405, month: 6, day: 31 }, 1)).toEqual({ year: 1405, month: 7, day: 30 });
    expect(addJalaliMonthsTo({ year: 1405, month: 12, day: 1 }, 1)).toEqual({ year: 1406, month: 1, day: 1 });
    expect(jalaliToDbDate({ year: 1405, month: 9, day: 5 }).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('formats with Persian digits in fa', () => {
    expect(formatJalaliDate(new Date('2026-11-26T08:00:00Z'))).toBe('۵ آذر ۱۴۰۵');
    expect(formatJalaliDate(new Date('2026-11-26T08:00:00Z'), 'en')).toMatch(/Azar 5, 1405/);
  });
});

describe('money for people', () => {
  it('shows Toman with separators (Persian digits in fa) and Rials for the books', () => {
    expect(formatToman(25_000_000n)).toBe('۲٬۵۰۰٬۰۰۰ تومان');
    expect(formatToman(25_000_000n, 'en')).toBe('2,500,000 Toman');
    expect(formatRial(9_007_199_254_740_993n, 'en')).toBe('9,007,199,254,740,993 Rial');
  });
});
