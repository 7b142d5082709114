/**
 * What an uploaded statement file is, from its bytes (never from its name or the browser's
 * type, which people and browsers get wrong): an xlsx workbook (a zip), or text (csv).
 * Everything else gets a sentence saying what to export instead.
 */
import { DomainError } from '../../errors.ts';

/** Larger than any month's export (10,000 lines are about 1 MB); more is a wrong file, or an attack. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

export type StatementFileKind = 'xlsx' | 'csv';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel (.xls) and other OLE2 documents. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

export function statementFileKind(bytes: Uint8Array): StatementFileKind {
  if (bytes.length === 0) throw new DomainError('STATEMENT_FILE_EMPTY', { field: 'file' });
  if (bytes.length > MAX_STATEMENT_BYTES) throw new DomainError('STATEMENT_FILE_TOO_LARGE', { field: 'file', max: MAX_STATEMENT_BYTES / 1024 / 1024 });
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2) || startsWith(bytes, PDF)) throw new DomainError('STATEMENT_FILE_TYPE', { field: 'file' });
  // Text has no NUL bytes (UTF-16 exports aside, which banks do not produce); an image or a
  // zip of another kind does within its first kilobytes.
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) throw new DomainError('STATEMENT_FILE_TYPE', { field: 'file' });
  return 'csv';
}
