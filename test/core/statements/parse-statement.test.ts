/**
 * Reading statement files: three shapes of the same statement give the same lines (and the
 * same identity keys); dates, amounts and card digits as banks write them; and every kind of
 * malformed file is refused with its own code naming the row and column. No database.
 */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../core/errors.ts';
import { EXAMPLE_PRESETS } from '../../../core/statements/example-presets.ts';
import { statementMapping, type StatementMapping } from '../../../core/statements/mapping.ts';
import { lineKeys } from '../../../core/statements/parse/line-key.ts';
import { parseStatement } from '../../../core/statements/parse/parse-statement.ts';
import { cardLast4In, parseDay, parseRial } from '../../../core/statements/parse/values.ts';
import { gregorianCsv, headerBlockXlsx, jalaliPersianXlsx, SAMPLE_STATEMENT } from '../../../fixtures/statement-files.ts';
import ExcelJS from 'exceljs';

const MAX = 1_000_000_000_000n;
const layout = (id: string): StatementMapping => EXAMPLE_PRESETS.find((p) => p.id === id)!.mapping;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function read(bytes: Uint8Array, mapping: StatementMapping) {
  return parseStatement(bytes, mapping, MAX);
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('three shapes of one statement', () => {
  it('an xlsx with Jalali dates and Persian digits, a csv with Gregorian dates, and a file with a header block and a totals line read as the same lines', async () => {
    const a = await read(await jalaliPersianXlsx(SAMPLE_STATEMENT), layout('example:sandogh-web'));
    const b = await read(gregorianCsv(SAMPLE_STATEMENT), layout('example:latin-csv'));
    const c = await read(await headerBlockXlsx(SAMPLE_STATEMENT), layout('example:sandogh-excel'));
    expect([a.kind, b.kind, c.kind]).toEqual(['xlsx', 'csv', 'xlsx']);
    const comparable = (p: typeof a) => p.lines.map(({ rowNo: _r, ...rest }) => rest);
    expect(comparable(a)).toEqual(comparable(b));
    expect(comparable(a)).toEqual(comparable(c));
    // What was written, read back: the totals line and the header block are no lines.
    expect(a.lines).toHaveLength(5);
    expect(a.lines[0]).toMatchObject({
      bookedOn: day('2026-11-22'),
      direction: 'CREDIT',
      amountRial: 25_000_000n,
      traceNumber: '000123456789',
      balanceRial: 125_000_000n,
      cardLast4: '1234',
    });
    expect(a.lines[1]).toMatchObject({ direction: 'DEBIT', amountRial: 150_000n });
    expect(a.lines[2]).toMatchObject({ traceNumber: null, cardLast4: null });
    // The header block pushes the table down: rows are the file's own.
    expect(c.lines[0]!.rowNo).toBe(6);
    expect(a.lines[0]!.rowNo).toBe(2);
  });

  it('a line without trace or balance, twice on one day, stays two lines; the same file gives the same keys', () => {
    const twin = { rowNo: 1, day: 20_000, bookedOn: new Date(20_000 * 86_400_000), direction: 'CREDIT' as const, amountRial: 1_000_000n, balanceRial: null, traceNumber: null, cardLast4: null, description: null };
    const keys = lineKeys([twin, { ...twin, rowNo: 2 }]);
    expect(new Set(keys).size).toBe(2);
    expect(lineKeys([twin, { ...twin, rowNo: 2 }])).toEqual(keys);
    // The description is not part of a line's identity (banks reword it between formats).
    expect(lineKeys([{ ...twin, description: 'واریز' }])[0]).toBe(keys[0]);
  });
});

describe('values as banks write them', () => {
  it('days: Jalali or Gregorian, any digits, with a time, as an Excel date; words are no day', () => {
    const nov22 = Date.UTC(2026, 10, 22) / 86_400_000;
    for (const s of ['۱۴۰۵/۰۹/۰۱', '1405-09-01', '١٤٠٥/٠٩/٠١ ١٠:٢٢', '2026/11/22', '22/11/2026', '14050901', '2026-11-22T10:00']) expect(parseDay(s, 'AUTO'), s).toBe(nov22);
    expect(parseDay(new Date(Date.UTC(2026, 10, 22)), 'AUTO')).toBe(nov22);
    expect(parseDay('05/09/01', 'JALALI')).toBe(nov22);
    expect(parseDay('05/09/01', 'AUTO')).toBe('bad');
    expect(parseDay('جمع کل', 'AUTO')).toBeNull();
    expect(parseDay(null, 'AUTO')).toBeNull();
    expect(parseDay('1405/12/30', 'AUTO')).toBe('bad'); // 1405 is no leap year
    expect(parseDay('1405/07/31', 'AUTO')).toBe('bad'); // Mehr has 30 days
    expect(parseDay('2026-11-22', 'JALALI')).toBe('bad');
  });

  it('amounts: separators of every kind, the word Rial, signs and brackets; fractions are refused', () => {
    expect(parseRial('۲۵٬۰۰۰٬۰۰۰')).toBe(25_000_000n);
    expect(parseRial('25,000,000 ریال')).toBe(25_000_000n);
    expect(parseRial('25.000.000')).toBe(25_000_000n);
    expect(parseRial('25000000.00')).toBe(25_000_000n);
    expect(parseRial('(1,000)')).toBe(-1000n);
    expect(parseRial('1,000-')).toBe(-1000n);
    expect(parseRial(2_500)).toBe(2_500n);
    expect(parseRial('-')).toBeNull();
    expect(parseRial('12.5')).toBe('bad');
    expect(parseRial(12.5)).toBe('bad');
    expect(parseRial('دوازده')).toBe('bad');
  });

  it("a masked card's last four digits, in Persian or Latin digits; an unmasked run of digits is no card", () => {
    expect(cardLast4In('انتقال از کارت ۶۰۳۷-۹۹**-****-۱۲۳۴ به حساب')).toBe('1234');
    expect(cardLast4In('603799******1234')).toBe('1234');
    expect(cardLast4In('مرجع 1234567890123456')).toBeNull();
  });

  it('a one-off layout with one signed amount column', async () => {
    const csv = Buffer.from('تاریخ,مبلغ,پیگیری\n1405/09/01,"25,000,000",123\n1405/09/02,"-150,000",124\n', 'utf8');
    const mapping = statementMapping.parse({ date: 'تاریخ', amount: 'مبلغ', trace: 'پیگیری' });
    const { lines } = await read(csv, mapping);
    expect(lines.map((l) => [l.direction, l.amountRial])).toEqual([
      ['CREDIT', 25_000_000n],
      ['DEBIT', 150_000n],
    ]);
  });

  it('a csv in the Windows Arabic code page with semicolons', async () => {
    // «تاریخ;واریز» and a line, in Windows-1256.
    const header = Buffer.from([0xca, 0xc7, 0xd1, 0xed, 0xce, 0x3b, 0xe6, 0xc7, 0xd1, 0xed, 0xd2, 0x0a]);
    const line = Buffer.from('1405/09/01;2500000\n', 'latin1');
    const { lines } = await read(Buffer.concat([header, line]), statementMapping.parse({ date: 'تاریخ', credit: 'واریز' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.amountRial).toBe(2_500_000n);
  });
});

describe('malformed files are refused with what is wrong', () => {
  const web = layout('example:sandogh-web');
  const plain = statementMapping.parse({ date: 'تاریخ', credit: 'بستانکار', debit: 'بدهکار' });

  it('wrong type, empty, 50 MB', async () => {
    expect(await refusal(read(Buffer.from('%PDF-1.7\n…'), web))).toMatchObject({ code: 'STATEMENT_FILE_TYPE' });
    expect(await refusal(read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), web))).toMatchObject({ code: 'STATEMENT_FILE_TYPE' });
    expect(await refusal(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), web))).toMatchObject({ code: 'STATEMENT_FILE_TYPE' });
    expect(await refusal(read(Buffer.alloc(0), web))).toMatchObject({ code: 'STATEMENT_FILE_EMPTY' });
    expect(await refusal(read(Buffer.alloc(50 * 1024 * 1024, 0x31), web))).toMatchObject({ code: 'STATEMENT_FILE_TOO_LARGE' });
    // A zip that is no workbook.
    expect(await refusal(read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), web))).toMatchObject({ code: 'STATEMENT_FILE_UNREADABLE' });
  });

  it('a formula where a line is read, naming its row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['تاریخ', 'بستانکار', 'بدهکار']);
    ws.addRow(['1405/09/01', 1000000, 0]);
    ws.addRow(['1405/09/02', { formula: 'B2*2' }, 0]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await refusal(read(bytes, plain))).toMatchObject({ code: 'STATEMENT_FORMULA_CELL', params: { row: 3, column: 'B' } });
  });

  it('a negative or absurd amount, a bad date, a missing column', async () => {
    const csv = (rows: string) => Buffer.from(`تاریخ,بستانکار,بدهکار\n${rows}`, 'utf8');
    expect(await refusal(read(csv('1405/09/01,"-25,000",0\n'), plain))).toMatchObject({ code: 'STATEMENT_NEGATIVE_AMOUNT', params: { row: 2, column: 'B' } });
    expect(await refusal(read(csv('1405/09/01,1000,0\n1405/09/02,9999999999999999,0\n'), plain))).toMatchObject({ code: 'STATEMENT_AMOUNT_OUT_OF_RANGE', params: { row: 3 } });
    expect(await refusal(read(csv('1405/09/01,12.5,0\n'), plain))).toMatchObject({ code: 'STATEMENT_BAD_AMOUNT' });
    expect(await refusal(read(csv('1405/13/01,1000,0\n'), plain))).toMatchObject({ code: 'STATEMENT_BAD_DATE', params: { row: 2, column: 'A' } });
    expect(await refusal(read(Buffer.from('Date,Amount\n2026-11-22,5\n'), web))).toMatchObject({ code: 'STATEMENT_HEADER_NOT_FOUND' });
    // The layout names a column the file lacks: refused, rather than read without it.
    expect(await refusal(read(csv('1405/09/01,1000,0\n'), web))).toMatchObject({ code: 'STATEMENT_HEADER_NOT_FOUND', params: { column: 'شماره پیگیری' } });
  });
});
