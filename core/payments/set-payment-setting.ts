/**
 * The Imdad offices that recorded a center's Sandogh account (county staff, the province
 * admin) turn payments in the chat on or off for it and record the card they go to. The
 * card must be the card of that Sandogh account: the regulation allows cash only into it
 * (domain.md rule 3), and on Bale an invoice's money goes straight to the card it names.
 * Nothing offline can prove which account a card belongs to, so the card is checked for
 * its check digit, tied to the account recorded today (a new account turns the setting
 * off until its card is recorded), and the person recording it answers for it (audited).
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { cardNumber } from './shared.ts';

export const setPaymentSettingInput = z.object({
  centerId: id,
  /** On or off, said outright (a form's unticked box would not say which). */
  payInChat: z.enum(['ON', 'OFF'], { message: 'REQUIRED' }),
  /** Required to turn payments on unless the card recorded before is still the account's. */
  cardNumber: cardNumber.optional(),
});
export type SetPaymentSettingInput = z.input<typeof setPaymentSettingInput>;

export interface PaymentSettingView {
  centerId: string;
  /** Null: never recorded (payments were never on). */
  cardNumber: string | null;
  sandoghAccountNo: string;
  enabled: boolean;
}

export async function setPaymentSetting(ctx: Ctx, actor: Actor, raw: SetPaymentSettingInput): Promise<PaymentSettingView> {
  const input = parseInput(setPaymentSettingInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `center:${input.centerId}`);
    const center = await tx.center.findUnique({ where: { id: input.centerId } });
    if (!center) throw new DomainError('NOT_FOUND', { entity: 'Center' });
    // The same offices that record the Sandogh account record its card.
    authorize(actor, 'center.recordAccount', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
    if (!center.sandoghAccountNo) throw new DomainError('CENTER_HAS_NO_SANDOGH_ACCOUNT');
    const before = await tx.paymentSetting.findUnique({ where: { centerId: center.id } });
    const on = input.payInChat === 'ON';
    // Turning off what was never on changes nothing.
    if (!on && !before && !input.cardNumber) return { centerId: center.id, cardNumber: null, sandoghAccountNo: center.sandoghAccountNo, enabled: false };
    // A card recorded for an earlier account is not this account's: it must be typed again.
    const keptCard = before && (before.sandoghAccountNo === center.sandoghAccountNo || !on) ? before : null;
    const data = input.cardNumber
      ? { cardNumber: input.cardNumber, sandoghAccountNo: center.sandoghAccountNo, enabled: on }
      : keptCard
        ? { cardNumber: keptCard.cardNumber, sandoghAccountNo: keptCard.sandoghAccountNo, enabled: on }
        : null;
    if (!data) throw new DomainError('REQUIRED', { field: 'cardNumber' });

    const after = await tx.paymentSetting.upsert({ where: { centerId: center.id }, create: { centerId: center.id, ...data }, update: data });
    const view = (s: typeof after | null) => (s ? { cardNumber: s.cardNumber, sandoghAccountNo: s.sandoghAccountNo, enabled: s.enabled } : null);
    await audit(tx, actor, { action: 'payment.setting', entity: 'Center', entityId: center.id, before: view(before), after: view(after) });
    return { centerId: after.centerId, ...data };
  });
}
