/**
 * "Pay now" inside the chat, offered in the payment flow (donor-pay.ts) where the center
 * takes payments in the chat and the messenger has them: the amount (an installment's
 * balance suggested), then core opens the pending payment and the bot sends its invoice --
 * title and description in the donor's language, the amount in the messenger's units of
 * Rials, the payload the pending payment's opaque reference, the provider token the
 * center's Sandogh card (bot/features/payments.ts takes it from there).
 */
import { formatToman } from '../../messenger/format.ts';
import { chatPayments, INVOICE_CURRENCY, invoiceProviderToken } from '../../messenger/platform.ts';
import type { Fund } from '../../prisma/generated/client/client.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation } from '../context.ts';
import { btn, buttons, valueOf } from '../keyboards/donor-buttons.ts';
import type { Dialog } from './donor-ask.ts';
import { askAmount } from './donor-questions.ts';
import { digits } from '../../messenger/format.ts';

/** What the gift pays: an installment of a pledge, or a fund (a one-time gift). */
export interface PayNowTarget {
  centerId: string;
  pledge: { id: string; no: number; installmentId: string; seq: number } | null;
  fund: Fund | null;
  /** The installment's balance, suggested as the amount. */
  owedRial: bigint | null;
}

/** Title ≤ 32 and description ≤ 255 characters (Telegram's and Bale's limits). */
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Whether this chat is offered "pay now" for a gift to the center. */
export async function payNowOffered(conversation: BotConversation, centerId: string): Promise<boolean> {
  return conversation.external(
    async (o) => chatPayments(o.platform) !== null && (await o.core.payments.getPaymentOption(o.actors.chat(), { centerId })).payInChat,
  );
}

/** Pay here now (true), or report a transfer already made (false). */
export async function askPayNow(d: Dialog): Promise<boolean> {
  return d.ask({
    prompt: (t) => t('donor:payNow.askHow'),
    keyboard: (t) =>
      buttons(
        [
          { label: t('donor:payNow.now'), data: btn('how', 'now') },
          { label: t('donor:payNow.reported'), data: btn('how', 'card') },
        ],
        1,
      ),
    onButton: (data) => {
      const v = valueOf('how', data);
      return v === 'now' ? true : v === 'card' ? false : null;
    },
  });
}

export async function payNow(conversation: BotConversation, d: Dialog, target: PayNowTarget): Promise<void> {
  const owed = target.owedRial;
  const amountRial = await askAmount(d, owed ? 'donor:payNow.askAmountSuggested' : 'donor:payNow.askAmount', owed ? [owed] : []);
  const opened = await conversation.external((o) =>
    attempt(async () => {
      const donor = await o.actors.donor();
      if (!donor) return null;
      const invoice = await o.core.payments.openPaymentRequest(donor, {
        centerId: target.centerId,
        amountToman: (BigInt(amountRial) / 10n).toString(),
        ...(target.pledge ? { pledgeId: target.pledge.id, installmentId: target.pledge.installmentId } : { fund: target.fund! }),
      });
      const minutes = Math.round((invoice.expiresAt.getTime() - o.core.ctx.clock.now().getTime()) / 60_000);
      // JSON-safe: a conversation replays what external calls returned.
      return { ...invoice, amountRial: invoice.amountRial.toString(), expiresAt: invoice.expiresAt.toISOString(), minutes };
    }),
  );
  const t = d.ctx.t;
  if (!opened.ok) {
    await d.say(t('donor:common.failed', { reason: t(`errors:${opened.code}`) }));
    return;
  }
  const invoice = opened.value;
  if (!invoice) {
    await d.say(t('donor:common.needDonor'));
    return;
  }
  const lng = d.ctx.language;
  const platform = d.ctx.platform;
  const units = BigInt(invoice.amountRial) * (chatPayments(platform)?.unitsPerRial ?? 1n);
  const title = target.pledge
    ? t('donor:payNow.titleInstallment', { seq: digits(target.pledge.seq, lng), no: digits(target.pledge.no, lng) })
    : t('donor:payNow.titleGift', { fund: t(`donor:fund.${invoice.fund}`) });
  const description = t('donor:payNow.description', {
    center: invoice.centerName,
    card: digits(invoice.cardNumber.slice(-4), lng),
    minutes: digits(invoice.minutes, lng),
  });
  await d.ctx.replyWithInvoice(clip(title, 32), clip(description, 255), invoice.reference, INVOICE_CURRENCY, [
    { label: t('donor:payNow.priceLabel'), amount: Number(units) },
  ], { provider_token: invoiceProviderToken(platform, invoice.cardNumber) });
  await d.say(t('donor:payNow.sent', { amount: formatToman(BigInt(invoice.amountRial), lng), minutes: digits(invoice.minutes, lng) }));
}
