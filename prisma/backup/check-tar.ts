/**
 * Reads a tar archive's headers (POSIX ustar, as PGlite's dumpDataDir writes) and says what
 * is wrong with it, before PGlite sees it: PGlite's own reader, given a broken archive, fails
 * with an error it does not hand back (an unhandled rejection that ends the process).
 * Checked: every header's checksum, every entry within the archive, the end marker, and the
 * files that make a PostgreSQL data folder.
 */
const BLOCK = 512;
const REQUIRED = ['PG_VERSION', 'global/pg_control'];

function text(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

function octal(block: Uint8Array, start: number, length: number): number {
  const value = text(block, start, length).trim();
  return /^[0-7]+$/.test(value) ? parseInt(value, 8) : NaN;
}

/** Null when the archive is whole and holds a data folder; else what is wrong. */
export function tarProblem(tar: Uint8Array): string | null {
  const names = new Set<string>();
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > tar.length) return 'the archive ends before its end marker';
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // the end marker
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (octal(header, 148, 8) !== sum) return `a damaged entry header at byte ${offset}`;
    const size = octal(header, 124, 12);
    if (Number.isNaN(size)) return `a damaged entry size at byte ${offset}`;
    const prefix = text(header, 345, 155);
    names.add(`${prefix ? `${prefix}/` : ''}${text(header, 0, 100)}`.replace(/^\/+/, ''));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (offset > tar.length) return 'the archive is cut short';
  }
  const missing = REQUIRED.filter((f) => !names.has(f));
  return missing.length ? `it is not a database folder (no ${missing.join(', ')})` : null;
}
