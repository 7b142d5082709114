/**
 * The cash each center's funds hold over the demo's history, so that what the demo spends
 * (a reversal, a distribution) is never refused by core for want of money at its moment or
 * leaves a later spending short (core checks both under the fund's lock).
 */
import type { Fund } from '../../prisma/generated/client/client.ts';
import type { CenterNo } from './context.ts';

export interface FundLedger {
  /** Money into (+) or out of (-) a center's fund at a moment. */
  move(no: CenterNo, fund: Fund, at: Date, rial: bigint): void;
  /** What may leave the fund at `at` without its balance falling below zero then or at any later movement. */
  spendable(no: CenterNo, fund: Fund, at: Date): bigint;
}

export function createLedger(): FundLedger {
  const moves = new Map<string, { at: number; rial: bigint }[]>();
  const of = (no: CenterNo, fund: Fund) => {
    const key = `${no}:${fund}`;
    if (!moves.has(key)) moves.set(key, []);
    return moves.get(key)!;
  };
  return {
    move: (no, fund, at, rial) => void of(no, fund).push({ at: at.getTime(), rial }),
    spendable(no, fund, at) {
      const inOrder = [...of(no, fund)].sort((a, b) => a.at - b.at);
      const before = inOrder.filter((m) => m.at < at.getTime());
      let balance = before.reduce((sum, m) => sum + m.rial, 0n);
      let lowest = balance;
      for (const m of inOrder.slice(before.length)) {
        balance += m.rial;
        if (balance < lowest) lowest = balance;
      }
      return lowest > 0n ? lowest : 0n;
    },
  };
}
