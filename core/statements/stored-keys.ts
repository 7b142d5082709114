/**
 * Which of a statement's lines the account already has. Asked by the statement's days (the
 * (centerId, bookedOn) index) and intersected here, rather than by sending ten thousand keys
 * to the database: a month already stored comes back as its keys, a new month as nothing.
 */
import type { Db } from '../../prisma/client.ts';
import type { Tx } from '../context.ts';

export async function storedLineKeys(
  db: Tx | Db,
  where: { centerId: string; accountNo: string },
  lines: readonly { lineKey: string; bookedOn: Date }[],
): Promise<Set<string>> {
  if (lines.length === 0) return new Set();
  let first = lines[0]!.bookedOn;
  let last = first;
  for (const l of lines) {
    if (l.bookedOn < first) first = l.bookedOn;
    if (l.bookedOn > last) last = l.bookedOn;
  }
  const rows = await db.$queryRaw<{ lineKey: string }[]>`
    SELECT "lineKey" FROM "StatementLine"
    WHERE "centerId" = ${where.centerId} AND "bookedOn" >= ${first}::date AND "bookedOn" <= ${last}::date AND "accountNo" = ${where.accountNo}`;
  const wanted = new Set(lines.map((l) => l.lineKey));
  return new Set(rows.map((r) => r.lineKey).filter((k) => wanted.has(k)));
}
