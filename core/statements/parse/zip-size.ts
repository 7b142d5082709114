/**
 * An xlsx is a zip, and a zip can hold far more than it weighs: a 10 MB upload (the door's
 * limit) may unpack to gigabytes -- a "zip bomb" -- which exceljs would inflate in memory
 * and take the server down with. So before exceljs sees a workbook, what it would unpack is
 * measured here, and a file that unpacks to more than MAX_XLSX_UNPACKED_BYTES is refused.
 *
 * Twice: first the sizes the zip's central directory declares (cheap, and what an honest
 * zip says), then the entries are actually inflated, counted and thrown away, stopping at
 * the limit -- a crafted zip may declare small sizes and hold large ones, and JSZip (inside
 * exceljs) inflates whatever is there before it compares. The second pass costs a few
 * milliseconds for a real statement (they unpack to about 16 MB at the row cap).
 */
import { createInflateRaw } from 'node:zlib';
import { DomainError } from '../../errors.ts';

/**
 * A statement at the row cap (50,000 lines) unpacks to about 16 MB (measured on the shipped
 * Persian layout); four times that leaves room for banks' heavier styling, and is still an
 * amount exceljs reads in a reasonable memory.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const FULL32 = 0xffffffff;

interface Entry {
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
}

const unreadable = () => new DomainError('STATEMENT_FILE_UNREADABLE', { field: 'file' });
const tooLarge = () => new DomainError('STATEMENT_FILE_UNPACKS_TOO_LARGE', { field: 'file', max: MAX_XLSX_UNPACKED_BYTES / (1024 * 1024) });

/** The zip's entries as its central directory lists them (zip64 sizes read from their extra field). */
function entriesOf(view: DataView): Entry[] {
  // The end record is in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  // A zip64 directory (more than 65,535 entries or beyond 4 GB) is no bank's statement.
  if (count === 0xffff || at === FULL32) throw tooLarge();
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) throw unreadable();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      unpacked: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.unpacked === FULL32 || entry.compressed === FULL32 || entry.localOffset === FULL32) {
      readZip64(view, at + 46 + nameLength, extraLength, entry);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The 64-bit sizes stand, in this order, for the 32-bit fields that say 0xFFFFFFFF. */
function readZip64(view: DataView, start: number, length: number, entry: Entry) {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw unreadable();
        const v = view.getBigUint64(field, true);
        field += 8;
        // Beyond what a Number holds exactly is beyond any limit: refused as too large.
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
      };
      if (entry.unpacked === FULL32) entry.unpacked = next();
      if (entry.compressed === FULL32) entry.compressed = next();
      if (entry.localOffset === FULL32) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
  throw unreadable();
}

/** Inflates one deflated entry, counting, and stops as soon as the total passes the limit. */
function inflateCounting(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > budget) {
        inflate.destroy();
        reject(tooLarge());
      }
    });
    inflate.on('error', () => reject(unreadable()));
    inflate.on('end', () => resolve(produced));
    inflate.end(data);
  });
}

/** Refuses an xlsx that would unpack to more than MAX_XLSX_UNPACKED_BYTES; else nothing. */
export async function checkXlsxUnpackedSize(bytes: Uint8Array): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = entriesOf(view);
  if (entries.reduce((sum, e) => sum + e.unpacked, 0) > MAX_XLSX_UNPACKED_BYTES) throw tooLarge();
  let left = MAX_XLSX_UNPACKED_BYTES;
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.byteLength || view.getUint32(e.localOffset, true) !== LOCAL) throw unreadable();
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = bytes.subarray(start, start + e.compressed);
    if (data.length !== e.compressed) throw unreadable();
    // Stored entries are their own size; anything but stored or deflate exceljs cannot read either.
    if (e.method === 0) left -= data.length;
    else if (e.method === 8) left -= await inflateCounting(data, left);
    else throw unreadable();
    if (left < 0) throw tooLarge();
  }
}
