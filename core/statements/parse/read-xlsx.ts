/**
 * An xlsx export as rows: the first sheet that has any. A formula cell is kept as a
 * FormulaCell, never read through its cached result (see cells.ts).
 *
 * exceljs is loaded at the first upload, not at start (it costs about 40 MB and a quarter
 * of a second, for a page most processes never serve).
 */
import type ExcelJS from 'exceljs';
import { DomainError } from '../../errors.ts';
import { FormulaCell, MAX_STATEMENT_ROWS, type Cell, type SheetRow } from './cells.ts';
import { checkXlsxUnpackedSize } from './zip-size.ts';

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return new FormulaCell();
    if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  // Measured before exceljs inflates anything: a small file may unpack to gigabytes.
  await checkXlsxUnpackedSize(bytes);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    // A zip that is not a workbook (a docx, a damaged download).
    throw new DomainError('STATEMENT_FILE_UNREADABLE', { field: 'file' });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new DomainError('STATEMENT_NO_LINES', { field: 'file' });
  if (sheet.actualRowCount > MAX_STATEMENT_ROWS) throw new DomainError('STATEMENT_TOO_MANY_LINES', { field: 'file', max: MAX_STATEMENT_ROWS });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let col = 1; col < values.length; col++) cells.push(cellOf(values[col]));
    rows.push({ rowNo, cells });
  });
  return rows;
}
