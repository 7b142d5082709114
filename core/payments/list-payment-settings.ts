/**
 * Whether payments in the chat are on, for the centers a page shows: what the county staff
 * recorded (setPaymentSetting) and whether it still offers payments -- a setting recorded for
 * an earlier Sandogh account offers nothing until the new account's card is recorded.
 *
 * The card leaves core as its last four digits only: enough for a person to tell which card
 * it is, and the whole number (Bale's provider token) is nobody's to read on a page. Centers
 * the actor may not read are left out, not refused, as a list shows what the login may see.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput } from '../input/schemas.ts';
import { can } from '../policy.ts';
import { settingOffersPayments } from './shared.ts';

export const listPaymentSettingsInput = z.object({ centerIds: z.array(id).max(500) });
export type ListPaymentSettingsInput = z.input<typeof listPaymentSettingsInput>;

/**
 * ON: donors are offered "pay now"; OFF: turned off; NEW_ACCOUNT: on, but recorded for an
 * earlier Sandogh account, so off until its card is recorded; NOT_SET: never recorded.
 */
export type PaymentSettingState = 'ON' | 'OFF' | 'NEW_ACCOUNT' | 'NOT_SET';

export interface CenterPaymentSetting {
  centerId: string;
  state: PaymentSettingState;
  cardLast4: string | null;
}

export async function listPaymentSettings(ctx: Ctx, actor: Actor, raw: ListPaymentSettingsInput): Promise<CenterPaymentSetting[]> {
  const input = parseInput(listPaymentSettingsInput, raw);
  const centers = await ctx.db.center.findMany({
    where: { id: { in: input.centerIds } },
    select: { id: true, countyId: true, licenseState: true, sandoghAccountNo: true, paymentSetting: true },
  });
  return centers
    .filter((c) => can(actor, 'center.read', { centerId: c.id, countyId: c.countyId, licenseState: c.licenseState }))
    .map((c) => {
      const s = c.paymentSetting;
      const offers: boolean = settingOffersPayments(s, c);
      const state: PaymentSettingState = !s ? 'NOT_SET' : offers ? 'ON' : s.enabled ? 'NEW_ACCOUNT' : 'OFF';
      return { centerId: c.id, state, cardLast4: s ? s.cardNumber.slice(-4) : null };
    });
}
