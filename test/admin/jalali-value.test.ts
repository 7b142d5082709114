/**
 * The Jalali picker's conversions: a picked Jalali day and time is read as
 * Tehran's clock whatever zone the browser runs in, and a stored instant is
 * shown as Tehran's day. Run here under zones far from Tehran on purpose.
 */
import { afterAll, describe, expect, it } from 'vitest';
import DateObjectModule from 'react-date-object';
import persian from 'react-date-object/calendars/persian';
import persian_fa from 'react-date-object/locales/persian_fa';
import { formatJalali, fromPickerValue, toPickerValue, type JalaliDateObject } from '../../admin/components/jalali/jalali-value.ts';
import { instantOfTehranWallTime, tehranWallTime } from '../../admin/components/jalali/tehran-time.ts';

const DateObject: typeof DateObjectModule = (DateObjectModule as unknown as { default?: typeof DateObjectModule }).default ?? DateObjectModule;
const savedTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = savedTz;
});

function picked(year: number, month: number, day: number, hour = 0, minute = 0): JalaliDateObject {
  return new DateObject({ calendar: persian, locale: persian_fa, year, month, day, hour, minute });
}

describe.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('with the browser in %s', (zone) => {
  it('stores 1403/12/29 14:30 as 2025-03-19T11:00Z (Tehran, +3:30)', () => {
    process.env.TZ = zone;
    expect(fromPickerValue(picked(1403, 12, 29, 14, 30), 'datetime')).toBe('2025-03-19T11:00:00.000Z');
  });

  it('filters a Jalali day from its first to its last millisecond in Tehran', () => {
    process.env.TZ = zone;
    const day = picked(1405, 9, 5);
    expect(fromPickerValue(day, 'datetime', 'dayStart')).toBe('2026-11-25T20:30:00.000Z');
    expect(fromPickerValue(day, 'datetime', 'dayEnd')).toBe('2026-11-26T20:29:59.999Z');
  });

  it("shows an instant on Tehran's day, even when UTC is still on the day before", () => {
    process.env.TZ = zone;
    // 00:10 on 1 Azar 1405 in Tehran is 20:40 on 21 Nov UTC (30 Aban).
    const value = toPickerValue('2026-11-21T20:40:00.000Z', 'datetime');
    expect([value?.year, value?.month.number, value?.day, value?.hour, value?.minute]).toEqual([1405, 9, 1, 0, 10]);
    expect(formatJalali('2026-11-21T20:40:00.000Z', 'datetime')).toBe('۱ آذر ۱۴۰۵، ۰۰:۱۰');
  });

  it('round-trips through the picker unchanged', () => {
    process.env.TZ = zone;
    for (const iso of ['2025-03-19T11:00:00.000Z', '2026-03-20T20:29:00.000Z', '2024-03-19T20:31:00.000Z']) {
      const value = toPickerValue(iso, 'datetime');
      expect(value && fromPickerValue(value, 'datetime')).toBe(iso);
    }
  });

  it('keeps a calendar day (@db.Date) at UTC midnight, with no zone shift', () => {
    process.env.TZ = zone;
    expect(fromPickerValue(picked(1405, 9, 5), 'date')).toBe('2026-11-26T00:00:00.000Z');
    expect(fromPickerValue(picked(1405, 9, 5), 'date', 'dayEnd')).toBe('2026-11-26T23:59:59.999Z');
    expect(formatJalali('2026-11-26T00:00:00.000Z', 'date')).toBe('۵ آذر ۱۴۰۵');
    expect(formatJalali('2026-11-26T00:00:00.000Z', 'date', 'en')).toBe('5 Azar 1405');
  });
});

describe("Tehran's clock", () => {
  it('applies the old summer offset (+4:30) to dates before 2022', () => {
    process.env.TZ = 'UTC';
    const summer2021 = instantOfTehranWallTime({ year: 2021, month: 7, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 });
    expect(summer2021.toISOString()).toBe('2021-07-01T07:30:00.000Z');
    expect(tehranWallTime(summer2021).hour).toBe(12);
  });

  it('treats empty or unreadable values as no date', () => {
    expect(toPickerValue('', 'datetime')).toBeNull();
    expect(toPickerValue(null, 'datetime')).toBeNull();
    expect(toPickerValue('not a date', 'datetime')).toBeNull();
    expect(formatJalali(undefined, 'date')).toBe('');
  });
});
