/**
 * Fund balances computed by the database (one aggregate query, no rows in Node).
 * Per center and fund: confirmed cash donations − their REVERSED entries − cash
 * distributions APPROVED or DISTRIBUTED (approved money is already committed;
 * pending and cancelled ones are not).
 */
import type { Fund } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';

export interface FundBalance {
  fund: Fund;
  receivedRial: bigint;
  reversedRial: bigint;
  distributedRial: bigint;
  balanceRial: bigint;
}

type Row = { fund: Fund; received: string; reversed: string; distributed: string };

/** Balances of every fund the center has touched (or only `fund`). Sums come back as text: exact, driver-independent. */
export async function fundBalances(db: Tx | Db, centerId: string, fund?: Fund): Promise<FundBalance[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.fund::text AS fund,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'in'), 0)::text AS received,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'rev'), 0)::text AS reversed,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'out'), 0)::text AS distributed
    FROM (
      SELECT d."fund", CASE WHEN d."state" = 'CONFIRMED' THEN 'in' ELSE 'rev' END AS src, d."amountRial" AS amount
      FROM "Donation" d
      WHERE d."centerId" = ${centerId} AND d."kind" = 'CASH' AND d."state" IN ('CONFIRMED', 'REVERSED')
      UNION ALL
      SELECT x."fund", 'out' AS src, x."amountRial" AS amount
      FROM "Distribution" x
      WHERE x."centerId" = ${centerId} AND x."kind" = 'CASH' AND x."state" IN ('APPROVED', 'DISTRIBUTED')
    ) t
    WHERE ${fund ?? null}::text IS NULL OR t.fund::text = ${fund ?? null}::text
    GROUP BY t.fund
    ORDER BY t.fund::text`;
  return rows.map((r) => {
    const receivedRial = BigInt(r.received);
    const reversedRial = BigInt(r.reversed);
    const distributedRial = BigInt(r.distributed);
    return { fund: r.fund, receivedRial, reversedRial, distributedRial, balanceRial: receivedRial - reversedRial - distributedRial };
  });
}

export async function fundBalanceRial(db: Tx | Db, centerId: string, fund: Fund): Promise<bigint> {
  const [row] = await fundBalances(db, centerId, fund);
  return row?.balanceRial ?? 0n;
}

/** The lock every writer of a center's fund takes before checking its balance. */
export function fundLockKey(centerId: string, fund: Fund): string {
  return `fund:${centerId}:${fund}`;
}
