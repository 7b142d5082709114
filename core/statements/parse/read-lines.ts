/**
 * From a sheet's rows to statement lines, with a layout (mapping.ts). The table starts at
 * the first row that carries the layout's date header and its credit (or amount) header;
 * what is above it (the bank's name, the account, the period) is not read. Below it, a row
 * whose date cell has no digits (a blank, «جمع», "Total") is no line: the totals line and
 * any footer are passed over. A row with a date but no amount (an opening balance) is no
 * transaction either.
 *
 * Everything else must read cleanly, or the whole file is refused with the row (and column)
 * that failed: storing part of a statement would leave holes nobody sees.
 */
import { DomainError } from '../../errors.ts';
import { normalizeText, toAsciiDigits } from '../../input/normalize.ts';
import { headerKey, MAPPING_COLUMNS, type MappingColumn, type StatementMapping } from '../mapping.ts';
import { FormulaCell, type Cell, type SheetRow } from './cells.ts';
import { columnLetters } from './columns.ts';
import { cardLast4In, dayToDate, parseCode, parseDay, parseRial } from './values.ts';

export interface ParsedLine {
  /** The file's row (1-based). */
  rowNo: number;
  /** Days since 1970-01-01 (the bank's calendar day). */
  day: number;
  bookedOn: Date;
  direction: 'CREDIT' | 'DEBIT';
  /** Always positive; `direction` says which way. */
  amountRial: bigint;
  balanceRial: bigint | null;
  traceNumber: string | null;
  cardLast4: string | null;
  description: string | null;
}

/** How far down a header block may go before the table starts. */
const HEADER_SEARCH_ROWS = 100;
const MAX_DESCRIPTION = 500;

type Columns = Partial<Record<MappingColumn, number>>;

function textOf(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '';
}

/** The column of a header in a row: an exact match, else the one cell that contains it («بستانکار (ریال)»). */
function columnIn(keys: string[], wanted: string): number | undefined {
  const w = headerKey(wanted);
  const exact = keys.indexOf(w);
  if (exact >= 0) return exact;
  const containing = keys.flatMap((k, i) => (k.includes(w) ? [i] : []));
  return containing.length === 1 ? containing[0] : undefined;
}

function findHeader(rows: SheetRow[], mapping: StatementMapping): { index: number; columns: Columns } {
  const money = mapping.credit ?? mapping.amount!;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const keys = rows[i]!.cells.map((c) => headerKey(textOf(c)));
    if (columnIn(keys, mapping.date) === undefined || columnIn(keys, money) === undefined) continue;
    const columns: Columns = {};
    for (const field of MAPPING_COLUMNS) {
      const wanted = mapping[field];
      if (!wanted) continue;
      const col = columnIn(keys, wanted);
      if (col === undefined) throw new DomainError('STATEMENT_HEADER_NOT_FOUND', { field: 'mapping', column: wanted });
      columns[field] = col;
    }
    return { index: i, columns };
  }
  throw new DomainError('STATEMENT_HEADER_NOT_FOUND', { field: 'mapping', column: `${mapping.date} / ${money}` });
}

/** The header cells of the row most like a table header, for a person choosing a new layout. */
export function guessColumns(rows: SheetRow[]): string[] {
  let best: string[] = [];
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = row.cells.map((c) => (typeof c === 'string' && !/\d{3}/.test(c) ? c.trim() : ''));
    if (texts.filter(Boolean).length > best.filter(Boolean).length) best = texts;
  }
  return best.filter(Boolean);
}

export function readLines(rows: SheetRow[], mapping: StatementMapping, maxAmountRial: bigint): ParsedLine[] {
  const { index, columns } = findHeader(rows, mapping);
  const lines: ParsedLine[] = [];
  for (const row of rows.slice(index + 1)) {
    const cell = (field: MappingColumn): Cell => {
      const col = columns[field];
      return col === undefined ? null : (row.cells[col] ?? null);
    };
    const fail = (code: 'STATEMENT_BAD_DATE' | 'STATEMENT_BAD_AMOUNT' | 'STATEMENT_NEGATIVE_AMOUNT' | 'STATEMENT_AMOUNT_OUT_OF_RANGE' | 'STATEMENT_FORMULA_CELL' | 'STATEMENT_BAD_TRACE', field: MappingColumn) =>
      new DomainError(code, { field: 'file', row: row.rowNo, column: columnLetters((columns[field] ?? 0) + 1) });

    const day = parseDay(cell('date'), mapping.calendar);
    if (day === null) continue;
    for (const field of MAPPING_COLUMNS) if (cell(field) instanceof FormulaCell) throw fail('STATEMENT_FORMULA_CELL', field);
    if (day === 'bad') throw fail('STATEMENT_BAD_DATE', 'date');

    // A running balance is the account's total, not one payment: only the amounts are held to the bounds.
    const money = (field: MappingColumn): bigint | null => {
      const v = parseRial(cell(field));
      if (v === 'bad') throw fail('STATEMENT_BAD_AMOUNT', field);
      if (v !== null && field !== 'balance' && (v > maxAmountRial || -v > maxAmountRial)) throw fail('STATEMENT_AMOUNT_OUT_OF_RANGE', field);
      return v;
    };
    let direction: ParsedLine['direction'];
    let amountRial: bigint;
    if (mapping.amount) {
      const signed = money('amount');
      if (!signed) continue;
      direction = signed > 0n ? 'CREDIT' : 'DEBIT';
      amountRial = signed > 0n ? signed : -signed;
    } else {
      const credit = money('credit');
      const debit = mapping.debit ? money('debit') : null;
      // Money in and out are written as amounts; a minus sign there is a wrong file (or a wrong layout).
      if (credit !== null && credit < 0n) throw fail('STATEMENT_NEGATIVE_AMOUNT', 'credit');
      if (debit !== null && debit < 0n) throw fail('STATEMENT_NEGATIVE_AMOUNT', 'debit');
      if (credit && debit) throw fail('STATEMENT_BAD_AMOUNT', 'credit');
      if (!credit && !debit) continue;
      direction = credit ? 'CREDIT' : 'DEBIT';
      amountRial = (credit || debit)!;
    }
    const balance = mapping.balance ? money('balance') : null;
    const trace = parseCode(cell('trace'));
    if (trace === 'bad') throw fail('STATEMENT_BAD_TRACE', 'trace');
    const descriptionText = normalizeText(textOf(cell('description') ?? undefined));
    const description = descriptionText ? descriptionText.slice(0, MAX_DESCRIPTION) : null;
    const cardText = toAsciiDigits(textOf(cell('card') ?? undefined)).trim();
    lines.push({
      rowNo: row.rowNo,
      day,
      bookedOn: dayToDate(day),
      direction,
      amountRial,
      balanceRial: balance,
      traceNumber: trace,
      cardLast4: cardLast4In(cardText) ?? (/^\d{4}$/.test(cardText) ? cardText : null) ?? cardLast4In(description),
      description,
    });
  }
  return lines;
}
