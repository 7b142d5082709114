/**
 * The dashboard's fund balances: what each fund of the login's area holds now, and which
 * centers hold it. Only for logins core lets read the funds (Imdad staff, a center's chair,
 * vice-chair and finance officer); for the others the section is left out.
 */
import type { Core } from '../../core/index.ts';
import type { StaffActor, TrusteeActor } from '../../core/actor.ts';
import { roleMay } from '../access.ts';
import type { DashboardFundBalances } from './dashboard-data.ts';

/** How many centers are named; the rest are summed as one bar. */
export const TOP_BALANCE_CENTERS = 10;

const byDesc = <T extends { rial: bigint }>(a: T, b: T) => (a.rial === b.rial ? 0 : a.rial > b.rial ? -1 : 1);

export async function dashboardFundBalances(actor: StaffActor | TrusteeActor, core: Core): Promise<{ fundBalances?: DashboardFundBalances }> {
  if (!roleMay(actor, 'fund.read')) return {};
  const centers = await core.funds.listFundBalances(actor, {});
  const byFund = new Map<string, bigint>();
  for (const c of centers) for (const f of c.funds) byFund.set(f.fund, (byFund.get(f.fund) ?? 0n) + f.balanceRial);
  const ranked = centers.map((c) => ({ name: c.name, rial: c.totalRial })).filter((c) => c.rial !== 0n).sort(byDesc);
  const total = [...byFund.values()].reduce((s, r) => s + r, 0n);
  return {
    fundBalances: {
      byFund: [...byFund.entries()]
        .map(([fund, rial]) => ({ fund, rial }))
        .filter((f) => f.rial !== 0n)
        .sort(byDesc)
        .map((f) => ({ fund: f.fund, rial: f.rial.toString() })),
      byCenter: ranked.slice(0, TOP_BALANCE_CENTERS).map((c) => ({ name: c.name, rial: c.rial.toString() })),
      otherCentersRial: ranked.slice(TOP_BALANCE_CENTERS).reduce((s, c) => s + c.rial, 0n).toString(),
      totalRial: total.toString(),
    },
  };
}
