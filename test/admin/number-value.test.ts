/** Numbers the panel shows (admin/components): the reader's digits, separators for counts only. */
import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../admin/components/list/page-window.ts';
import { formatStoredNumber, groupingOf, parseStoredNumber } from '../../admin/components/number/number-value.ts';
import { itemCount } from '../../admin/ui/array-count.ts';

describe('formatStoredNumber', () => {
  it('writes counts with Persian digits and separators in fa, Latin in en', () => {
    expect(formatStoredNumber(12500, 'fa', { grouping: true })).toBe('۱۲٬۵۰۰');
    expect(formatStoredNumber(12500, 'en', { grouping: true })).toBe('12,500');
    expect(formatStoredNumber(0, 'fa', { grouping: true })).toBe('۰');
  });

  it('writes receipt and row numbers without separators, a BigInt id sent as text included', () => {
    expect(formatStoredNumber(1234, 'fa', { grouping: false })).toBe('۱۲۳۴');
    expect(formatStoredNumber('9007199254740993', 'fa', { grouping: false })).toBe('۹۰۰۷۱۹۹۲۵۴۷۴۰۹۹۳');
    expect(formatStoredNumber('1234', 'en', { grouping: false })).toBe('1234');
  });

  it('keeps every stored decimal of a coordinate', () => {
    expect(formatStoredNumber(36.2149, 'fa', { grouping: false })).toBe('۳۶٫۲۱۴۹');
    expect(formatStoredNumber(58.79312, 'en', { grouping: false })).toBe('58.79312');
  });

  it('shows nothing for an empty or unreadable value', () => {
    for (const v of [null, undefined, '', 'abc', Number.NaN, {}]) expect(formatStoredNumber(v, 'fa', { grouping: true })).toBe('');
    expect(parseStoredNumber(' 42 ')).toBe(42);
  });

  it('groups unless the property asks for plain digits', () => {
    expect(groupingOf({})).toBe(true);
    expect(groupingOf({ custom: { plainDigits: true } })).toBe(false);
  });
});

describe('pageWindow', () => {
  it('offers at most ten pages around the current one', () => {
    expect(pageWindow(16, 2, 10)).toEqual({ totalPages: 2, pages: [1, 2] });
    expect(pageWindow(0, 1, 10)).toEqual({ totalPages: 1, pages: [1] });
    expect(pageWindow(1000, 1, 10).pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pageWindow(1000, 50, 10).pages).toEqual([45, 46, 47, 48, 49, 50, 51, 52, 53, 54]);
    expect(pageWindow(1000, 99, 10).pages).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
  });
});

describe('itemCount', () => {
  it('counts the items of a flattened array property', () => {
    expect(itemCount({ 'skills.0': 'a', 'skills.1': 'b', skillsOther: 'x' }, 'skills')).toBe(2);
    expect(itemCount({ 'tags.0.name': 'a', 'tags.0.id': 1, 'tags.1.name': 'b' }, 'tags')).toBe(2);
    expect(itemCount({ skills: ['a', 'b', 'c'] }, 'skills')).toBe(3);
    expect(itemCount({}, 'skills')).toBe(0);
  });
});
