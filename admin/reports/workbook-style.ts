/**
 * What every report spreadsheet shares: right-to-left sheets in fa, bold
 * headers, Rial and Toman as real numbers with thousands separators, and the
 * Jalali month's name.
 */
import ExcelJS from 'exceljs';
import { jalaliMonthRange, TEHRAN } from '../../core/jalali.ts';
import { rialToToman } from '../../core/money.ts';
import type { Language } from '../../messenger/i18n.ts';

export type Worksheet = ExcelJS.Worksheet;
export type CellValue = string | number | null;

export const MONEY_FORMAT = '#,##0';

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Imdad centers';
  return wb;
}

/** A sheet that reads right to left in Persian. */
export function addSheet(wb: ExcelJS.Workbook, name: string, lng: Language, widths: number[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ rightToLeft: lng === 'fa', state: 'normal' }] });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

/**
 * Money as a number cell (so sums and sorting work in Excel); a sum beyond
 * what a double holds exactly is written as text rather than rounded.
 */
export function moneyCell(rial: bigint): number | string {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return rial <= limit && rial >= -limit ? Number(rial) : rial.toString();
}

export function tomanCell(rial: bigint): number | string {
  return moneyCell(rialToToman(rial));
}

export function addTitle(ws: Worksheet, title: string, span: number): void {
  const row = ws.addRow([title]);
  row.font = { bold: true, size: 14 };
  ws.mergeCells(row.number, 1, row.number, Math.max(span, 1));
}

export function addSectionTitle(ws: Worksheet, title: string): void {
  ws.addRow([]);
  ws.addRow([title]).font = { bold: true, size: 12 };
}

export function addHeader(ws: Worksheet, headers: string[]): void {
  const row = ws.addRow(headers);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0EC' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** A data row; the columns given in `money` get the thousands-separator format. */
export function addDataRow(ws: Worksheet, values: CellValue[], money: number[] = []): void {
  const row = ws.addRow(values);
  for (const col of money) row.getCell(col).numFmt = MONEY_FORMAT;
}

const monthNames: Record<Language, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: TEHRAN, year: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-US-u-ca-persian', { timeZone: TEHRAN, year: 'numeric', month: 'long' }),
};

/** «آذر ۱۴۰۵» / "Azar 1405" (ICU puts the year first in fa; people write the month first). */
export function jalaliMonthName(year: number, month: number, lng: Language): string {
  // Noon of the month's second day: safely inside the month whatever the offset.
  const inside = new Date(jalaliMonthRange(year, month).start.getTime() + 36 * 3600_000);
  const parts = monthNames[lng].formatToParts(inside);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('year')}`;
}
