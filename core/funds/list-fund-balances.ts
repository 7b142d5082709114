import { z } from 'zod';
import type { Fund } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { can } from '../policy.ts';
import type { FundBalance } from './fund-balance.ts';

export const listFundBalancesInput = z
  .object({
    /** These centers (a page of the panel's list); without it, every center of the login's area. */
    centerIds: z.array(id).max(500).optional(),
  })
  .default({});
export type ListFundBalancesInput = z.input<typeof listFundBalancesInput>;

/** One center's balances, its funds ordered by name. */
export interface CenterBalances {
  centerId: string;
  name: string;
  funds: FundBalance[];
  totalRial: bigint;
}

type Row = { centerId: string; fund: Fund; received: string; reversed: string; distributed: string };

/**
 * The balance of every fund of several centers in one aggregate query (the same rule as
 * fund-balance.ts: confirmed cash − reversals − approved or distributed cash). Gifts are
 * summed from the per-month totals the database keeps with every donation write
 * (DonationMonthTotal), so a province's dashboard does not sum every gift ever made; the
 * spending check itself (fund-balance.ts, under the fund's lock) reads the gifts. Centers the
 * actor may not read the funds of are left out, not refused: a list or a dashboard shows
 * what the login may see. Centers that never touched a fund come back with no funds.
 */
export async function listFundBalances(ctx: Ctx, actor: Actor, raw: ListFundBalancesInput = {}): Promise<CenterBalances[]> {
  const input = parseInput(listFundBalancesInput, raw ?? {});
  if (actor.kind !== 'staff' && actor.kind !== 'trustee' && actor.kind !== 'system') throw new DomainError('FORBIDDEN');
  const area =
    actor.kind === 'trustee' ? { id: actor.centerId } : actor.kind === 'staff' && actor.countyId ? { countyId: actor.countyId } : {};
  const centers = await ctx.db.center.findMany({
    where: { ...area, ...(input.centerIds ? { id: { in: input.centerIds } } : {}) },
    select: { id: true, name: true, countyId: true, licenseState: true },
    orderBy: { name: 'asc' },
  });
  const readable = centers.filter((c) => can(actor, 'fund.read', { centerId: c.id, countyId: c.countyId, licenseState: c.licenseState }));
  if (readable.length === 0) return [];
  const ids = readable.map((c) => c.id);
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT t."centerId", t.fund::text AS fund,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'in'), 0)::text AS received,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'rev'), 0)::text AS reversed,
           COALESCE(SUM(t.amount) FILTER (WHERE t.src = 'out'), 0)::text AS distributed
    FROM (
      SELECT m."centerId", m."fund", CASE WHEN m."state" = 'CONFIRMED' THEN 'in' ELSE 'rev' END AS src, m."amountRial" AS amount
      FROM "DonationMonthTotal" m
      WHERE m."centerId" = ANY(${ids}::text[]) AND m."kind" = 'CASH' AND m."state" IN ('CONFIRMED', 'REVERSED')
      UNION ALL
      SELECT x."centerId", x."fund", 'out' AS src, x."amountRial" AS amount
      FROM "Distribution" x
      WHERE x."centerId" = ANY(${ids}::text[]) AND x."kind" = 'CASH' AND x."state" IN ('APPROVED', 'DISTRIBUTED')
    ) t
    GROUP BY t."centerId", t.fund
    ORDER BY t."centerId", t.fund::text`;
  const byCenter = new Map<string, FundBalance[]>();
  for (const r of rows) {
    const receivedRial = BigInt(r.received);
    const reversedRial = BigInt(r.reversed);
    const distributedRial = BigInt(r.distributed);
    const line = { fund: r.fund, receivedRial, reversedRial, distributedRial, balanceRial: receivedRial - reversedRial - distributedRial };
    byCenter.set(r.centerId, [...(byCenter.get(r.centerId) ?? []), line]);
  }
  return readable.map((c) => {
    const funds = byCenter.get(c.id) ?? [];
    return { centerId: c.id, name: c.name, funds, totalRial: funds.reduce((s, f) => s + f.balanceRial, 0n) };
  });
}
