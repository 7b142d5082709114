/**
 * Whether a center takes payments in the chat: licensed, with a payment setting that is on
 * and recorded for its current Sandogh account. The bot offers "pay now" only then (and
 * only on a messenger that takes payments); everyone else reports a card-to-card transfer.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput } from '../input/schemas.ts';
import { settingOffersPayments } from './shared.ts';

export const getPaymentOptionInput = z.object({ centerId: id });
export type GetPaymentOptionInput = z.input<typeof getPaymentOptionInput>;

export interface PaymentOption {
  payInChat: boolean;
}

// Public: whether a center takes payments says nothing about anyone (any actor, even an unidentified chat).
export async function getPaymentOption(ctx: Ctx, _actor: Actor, raw: GetPaymentOptionInput): Promise<PaymentOption> {
  const input = parseInput(getPaymentOptionInput, raw);
  const center = await ctx.db.center.findUnique({
    where: { id: input.centerId },
    select: { licenseState: true, sandoghAccountNo: true, paymentSetting: true },
  });
  return { payInChat: !!center && center.licenseState === 'LICENSED' && settingOffersPayments(center.paymentSetting, center) };
}
