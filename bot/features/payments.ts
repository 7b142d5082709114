/**
 * Payments in the chat, after the donor paid an invoice (bot/screens/payment-invoice.ts):
 *  - the pre-checkout query is answered at once, yes only while core says the pending
 *    payment is still valid (a refusal's sentence shows on the payment sheet);
 *  - the payment message is checked with the messenger where it offers an inquiry, then
 *    booked by core (confirmed with its receipt, or left for a person). The bot says
 *    nothing itself: the receipt, or the note that a person will check it, comes through
 *    the outbox, once, however often the messenger delivers the message.
 * Registered before the session and the conversations (bot/index.ts): a donor in the
 * middle of another conversation still gets the query answered within seconds, and a
 * payment message is never taken for an answer to a question.
 */
import { Composer } from 'grammy';
import type { SystemActor } from '../../core/actor.ts';
import { chatPayments, INVOICE_CURRENCY, type PlatformConfig } from '../../messenger/platform.ts';
import { attempt } from '../attempt.ts';
import type { BotContext } from '../context.ts';
import { inquirePayment } from '../payment-inquiry.ts';

export const paymentsFeature = new Composer<BotContext>();

/** The messenger attests a payment: core books it as a system event, not as the donor's word. */
function messenger(platform: PlatformConfig): SystemActor {
  return { kind: 'system', job: `payment:${platform.platform}` };
}

/** The messenger's smallest units as Rials; -1 for an amount that is not a whole number of Rials (never an invoice's). */
function toRial(platform: PlatformConfig, units: number): bigint {
  const per = platform.caps.payments?.unitsPerRial ?? 1n;
  const u = BigInt(units);
  return u % per === 0n ? u / per : -1n;
}

paymentsFeature.on('pre_checkout_query', async (ctx) => {
  const query = ctx.preCheckoutQuery;
  let refusal: string | null = null;
  if (!chatPayments(ctx.platform) || query.currency !== INVOICE_CURRENCY) refusal = 'PAYMENT_NOT_OFFERED';
  else {
    const donor = await ctx.actors.donor();
    const checked = await attempt(() =>
      ctx.core.payments.checkPaymentRequest(donor ?? ctx.actors.chat(), {
        reference: query.invoice_payload,
        amountRial: toRial(ctx.platform, query.total_amount),
      }),
    );
    if (!checked.ok) refusal = checked.code;
  }
  if (refusal) ctx.logger.info({ reference: query.invoice_payload, refusal }, 'pre-checkout refused');
  await ctx.answerPreCheckoutQuery(refusal === null, refusal ? { error_message: ctx.t(`errors:${refusal}`) } : undefined);
});

paymentsFeature.on('message:successful_payment', async (ctx) => {
  const paid = ctx.message.successful_payment;
  const caps = ctx.platform.caps.payments;
  const units = BigInt(paid.total_amount);
  const inquiry = caps?.inquiry ? await inquirePayment(ctx.api, paid.telegram_payment_charge_id, units) : 'NOT_OFFERED';
  const booked = await attempt(() =>
    ctx.core.payments.recordChatPayment(messenger(ctx.platform), {
      reference: paid.invoice_payload,
      platform: ctx.platform.platform,
      chargeId: paid.telegram_payment_charge_id,
      providerChargeId: paid.provider_payment_charge_id,
      amountRial: units / (caps?.unitsPerRial ?? 1n),
      inquiry,
    }),
  );
  if (booked.ok) {
    ctx.logger.info({ chargeId: paid.telegram_payment_charge_id, ...booked.value }, 'payment booked');
    return;
  }
  // Money arrived for an invoice core does not know: nothing can be booked; the donor keeps the payment's id.
  ctx.logger.error({ chargeId: paid.telegram_payment_charge_id, payload: paid.invoice_payload, code: booked.code }, 'payment could not be booked');
  await ctx.reply(ctx.t('donor:payNow.notBooked', { id: paid.telegram_payment_charge_id }));
});
