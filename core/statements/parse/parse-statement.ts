/**
 * An uploaded statement file read with a layout: its lines (each with its identity key),
 * or a DomainError naming what is wrong -- the file's kind, its size, the row and column
 * of a bad date, amount or formula. Nothing here touches the database.
 */
import { createHash } from 'node:crypto';
import type { StatementMapping } from '../mapping.ts';
import type { SheetRow } from './cells.ts';
import { statementFileKind, type StatementFileKind } from './file-kind.ts';
import { lineKeys } from './line-key.ts';
import { readCsv } from './read-csv.ts';
import { guessColumns, readLines, type ParsedLine } from './read-lines.ts';
import { readXlsx } from './read-xlsx.ts';

export interface KeyedLine extends ParsedLine {
  lineKey: string;
}

export interface ParsedStatement {
  kind: StatementFileKind;
  sha256: string;
  lines: KeyedLine[];
}

/** The file as rows, whatever its kind. */
export async function readStatementRows(bytes: Uint8Array): Promise<{ kind: StatementFileKind; rows: SheetRow[] }> {
  const kind = statementFileKind(bytes);
  return { kind, rows: kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes) };
}

export async function parseStatement(bytes: Uint8Array, mapping: StatementMapping, maxAmountRial: bigint): Promise<ParsedStatement> {
  const { kind, rows } = await readStatementRows(bytes);
  const lines = readLines(rows, mapping, maxAmountRial);
  const keys = lineKeys(lines);
  // Keyed in place: ten thousand copies would only feed the garbage collector.
  const keyed = lines as KeyedLine[];
  keys.forEach((key, i) => (keyed[i]!.lineKey = key));
  return { kind, sha256: createHash('sha256').update(bytes).digest('hex'), lines: keyed };
}

/** The header cells a person can map, read from the file (for a bank without a layout yet). */
export async function statementColumns(bytes: Uint8Array): Promise<string[]> {
  return guessColumns((await readStatementRows(bytes)).rows);
}
