/**
 * Layouts shipped with the product, marked as examples: the headers of common internet-bank
 * exports as staff described them. A bank that words its headers differently gets its own
 * preset, saved by staff (StatementPreset); an example is a starting point, not a promise.
 */
import type { StatementMapping } from './mapping.ts';

export interface ExamplePreset {
  /** Stable id, never a database id (those are cuids): `example:<slug>`. */
  id: `example:${string}`;
  /** Shown as is (a bank's name is not translated). */
  name: string;
  mapping: StatementMapping;
}

export const EXAMPLE_PRESETS: readonly ExamplePreset[] = [
  {
    id: 'example:sandogh-web',
    name: 'صندوق امداد ولایت — اینترنت‌بانک (نمونه)',
    mapping: {
      date: 'تاریخ',
      credit: 'بستانکار',
      debit: 'بدهکار',
      trace: 'شماره پیگیری',
      description: 'شرح',
      balance: 'مانده',
      calendar: 'JALALI',
    },
  },
  {
    id: 'example:sandogh-excel',
    name: 'صندوق امداد ولایت — گزارش اکسل شعبه (نمونه)',
    mapping: {
      date: 'تاریخ تراکنش',
      credit: 'واریز',
      debit: 'برداشت',
      trace: 'شماره مرجع',
      description: 'شرح تراکنش',
      balance: 'مانده حساب',
      card: 'شماره کارت',
      calendar: 'JALALI',
    },
  },
  {
    id: 'example:latin-csv',
    name: 'CSV with English headers (example)',
    mapping: {
      date: 'Date',
      credit: 'Credit',
      debit: 'Debit',
      trace: 'Reference',
      description: 'Description',
      balance: 'Balance',
      calendar: 'AUTO',
    },
  },
];

export function isExamplePresetId(id: string): id is ExamplePreset['id'] {
  return id.startsWith('example:');
}
