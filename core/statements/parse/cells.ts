/**
 * The sheet as rows of plain cells, whatever the file: text, numbers and dates (xlsx date
 * cells); an empty cell is null. Row numbers are the file's own (1-based), so a message
 * can point at the row people see in Excel.
 */
export type Cell = string | number | Date | FormulaCell | null;

/**
 * A spreadsheet formula. Refused where a line's value is read (core/statements/parse/read-lines.ts):
 * its cached result is whatever Excel last computed, or nothing for a file a program wrote,
 * and a statement line must be what the bank wrote. A formula elsewhere (a totals line) is
 * no line and does not matter.
 */
export class FormulaCell {
  readonly formula = true;
}

export interface SheetRow {
  /** 1-based, as Excel or a text editor shows it. */
  rowNo: number;
  cells: Cell[];
}

/** A bound on the rows read: a year of a busy center's account is far less. */
export const MAX_STATEMENT_ROWS = 50_000;
