/**
 * "My pledges and donations" (core.reports.getDonorHistory): pledges by their
 * number with what was paid, gifts by Jalali date with their state and receipt
 * number; a button to cancel a pledge when one is active.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { digits, formatJalaliDate, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { BotContext } from '../context.ts';
import { loadHistory } from '../conversations/donor-core.ts';
import { ensureDonorReady } from '../conversations/donor-guard.ts';
import { describeGift, type DonationView, type HistoryView, type PledgeView } from '../conversations/donor-views.ts';
import { DONOR_MENU } from '../keyboards/donor-buttons.ts';

export const donorHistoryFeature = new Composer<BotContext>();

/** Enough to recognise recent giving in one message; older items are counted. */
const SHOWN = 10;

function pledgeLine(p: PledgeView, t: TFunction, lng: Language): string {
  const schedule =
    p.schedule === 'MONTHLY' ? t('donor:schedule.monthlyCount', { count: digits(p.installmentCount, lng) }) : t('donor:schedule.ONE_TIME');
  const line = t('donor:history.pledgeLine', {
    no: digits(p.no, lng),
    what: describeGift(p, t, lng),
    fund: t(`donor:fund.${p.fund}`),
    schedule,
    state: t(`donor:pledgeState.${p.state}`),
  });
  if (p.amountRial === null || p.state === 'CANCELLED') return line;
  const paid = p.installments.reduce((s, i) => s + BigInt(i.paidAmountRial), 0n);
  return `${line}\n   ${t('donor:history.progress', { paid: formatToman(paid, lng), total: formatToman(BigInt(p.amountRial), lng) })}`;
}

function donationLine(d: DonationView, t: TFunction, lng: Language): string {
  const state = t(`donor:donationState.${d.state}`, {
    receiptNo: d.receiptNo === null ? '' : digits(d.receiptNo, lng),
    reason: d.rejectReason ?? '',
  });
  return t('donor:history.donationLine', {
    date: formatJalaliDate(new Date(d.paidAt), lng),
    what: describeGift(d, t, lng),
    fund: t(`donor:fund.${d.fund}`),
    state,
  });
}

export function historyText(h: HistoryView, t: TFunction, lng: Language): string {
  if (h.pledges.length === 0 && h.donations.length === 0) return t('donor:history.empty');
  const parts: string[] = [];
  const section = <T>(title: string, items: T[], line: (x: T) => string) => {
    if (items.length === 0) return;
    const lines = [t(title), ...items.slice(0, SHOWN).map(line)];
    if (items.length > SHOWN) lines.push(t('donor:history.more', { count: digits(items.length - SHOWN, lng) }));
    parts.push(lines.join('\n'));
  };
  section('donor:history.pledgesTitle', h.pledges, (p) => pledgeLine(p, t, lng));
  section('donor:history.donationsTitle', h.donations, (d) => donationLine(d, t, lng));
  parts.push(t('donor:history.total', { amount: formatToman(BigInt(h.confirmedCashRial), lng) }));
  return parts.join('\n\n');
}

donorHistoryFeature.callbackQuery(DONOR_MENU.history, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  const history = await loadHistory(ctx);
  if (!history) {
    await ensureDonorReady(ctx, { donor: false, centerId: ctx.session.centerId ?? null }, { center: false, donor: true });
    return;
  }
  const lng = ctx.chatAccount.language;
  const canCancel = history.pledges.some((p) => p.state === 'ACTIVE');
  await ctx.reply(historyText(history, ctx.t, lng), {
    ...(canCancel ? { reply_markup: new InlineKeyboard().text(ctx.t('donor:menu.cancelPledge'), DONOR_MENU.cancelPledge) } : {}),
  });
});
