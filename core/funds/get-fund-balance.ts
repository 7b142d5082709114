import { z } from 'zod';
import { Fund } from '../../prisma/generated/client/enums.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { fundBalances, type FundBalance } from './fund-balance.ts';

export const getFundBalanceInput = z.object({
  centerId: id,
  /** Only this fund; without it, every fund the center has touched. */
  fund: z.enum(Fund, { message: 'VALIDATION' }).optional(),
});
export type GetFundBalanceInput = z.input<typeof getFundBalanceInput>;

/** A center's balance in each fund asked for. */
export interface CenterFundBalances {
  centerId: string;
  funds: FundBalance[];
}

/** A center's fund balances, summed by the database. */
export async function getFundBalance(ctx: Ctx, actor: Actor, raw: GetFundBalanceInput): Promise<CenterFundBalances> {
  const input = parseInput(getFundBalanceInput, raw);
  const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true, licenseState: true } });
  if (!center) throw new DomainError('NOT_FOUND');
  authorize(actor, 'fund.read', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
  let funds = await fundBalances(ctx.db, center.id, input.fund);
  // Asking for one untouched fund answers zero rather than nothing.
  if (input.fund && funds.length === 0)
    funds = [{ fund: input.fund, receivedRial: 0n, reversedRial: 0n, distributedRial: 0n, balanceRial: 0n }];
  return { centerId: center.id, funds };
}
