/**
 * A statement line's identity within its account, the key of StatementLine's unique index
 * (accountNo, lineKey): the same line uploaded again -- the same file twice, or two exports
 * whose periods overlap -- is the same key and is stored once.
 *
 * What makes it: the day, the direction, the amount, the trace number and the running
 * balance (which alone tells two equal transfers of one day apart, where the bank gives it).
 * Not the description: banks reword it between export formats. Identical lines within one
 * file (two equal transfers on one day with neither trace nor balance) are told apart by
 * their order: the second is `#2`, in this upload as in any later one of the same period.
 */
import { createHash } from 'node:crypto';
import type { ParsedLine } from './read-lines.ts';

function baseKey(line: ParsedLine): string {
  return `${line.day}|${line.direction}|${line.amountRial}|${line.traceNumber ?? ''}|${line.balanceRial ?? ''}`;
}

/** The key of each line, in the order given (the file's order). */
export function lineKeys(lines: readonly ParsedLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = baseKey(line);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${createHash('sha256').update(base).digest('base64url')}#${n}`;
  });
}
