/**
 * A csv export as rows (papaparse). Iranian internet banks write UTF-8 (with or without a BOM) or,
 * older ones, Windows-1256 (Arabic); the separator is a comma, a semicolon or a tab. All
 * three are recognised from the text itself.
 */
import Papa from 'papaparse';
import { DomainError } from '../../errors.ts';
import { MAX_STATEMENT_ROWS, type SheetRow } from './cells.ts';

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: the Windows Arabic code page, which every Persian Excel of the last decades wrote.
    return new TextDecoder('windows-1256').decode(bytes);
  }
}

/** The separator that splits the first lines most evenly into several columns. */
function delimiterOf(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim());
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const score = Math.max(0, ...counts);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readCsv(bytes: Uint8Array): SheetRow[] {
  const text = decode(bytes);
  // papaparse works on the string as it is (a month of ten thousand lines in tens of
  // milliseconds); a stray quote in a description is read leniently, as Excel would.
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: delimiterOf(text), preview: MAX_STATEMENT_ROWS + 1, skipEmptyLines: false });
  const records = data;
  if (records.length > MAX_STATEMENT_ROWS) throw new DomainError('STATEMENT_TOO_MANY_LINES', { field: 'file', max: MAX_STATEMENT_ROWS });
  return records.map((cells: (string | null)[], i) => {
    for (let c = 0; c < cells.length; c++) if (cells[c]!.trim() === '') cells[c] = null;
    return { rowNo: i + 1, cells };
  });
}
