/**
 * Reporting a gift of goods or a service (اهدای کالا یا خدمت) handed over to the chosen
 * center: against an active pledge of that kind, or as a direct gift to a fund; what was
 * given (the goods, how many, their unit and estimated value; or the service and its
 * hours) and the day. Like a payment it stays REPORTED until the center confirms it has
 * received it, and then gets its receipt number.
 */
import { randomUUID } from 'node:crypto';
import type { ReportDonationInput } from '../../core/giving/report-donation.ts';
import { digits, formatJalaliDate, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { Fund } from '../../prisma/generated/client/client.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { btn, buttons, confirmKeyboard, oneOf, valueOf, yesNoValue } from '../keyboards/donor-buttons.ts';
import { dialog, type Dialog } from './donor-ask.ts';
import { donorWhere, loadActivePledges, nowIso } from './donor-core.ts';
import { ensureDonorReady } from './donor-guard.ts';
import { parseCount, parseTomanAmount } from './donor-parse.ts';
import { askFund, askOptional, askPaidAt, freeText } from './donor-questions.ts';
import { describeGift, openInstallments, type PledgeView } from './donor-views.ts';

export const DONOR_GIFT = 'donorGift';

const GIFT_KINDS = ['IN_KIND', 'SERVICE'] as const;
type GiftKind = (typeof GIFT_KINDS)[number];

/** What was handed over, JSON-safe (the estimate as a Rial string). */
type Given =
  | { kind: 'IN_KIND'; item: string; quantity: number | null; unit: string | null; estimateRial: string | null }
  | { kind: 'SERVICE'; service: string; hours: number | null };

type Target = { pledge: PledgeView } | { fund: Fund };

async function askTarget(d: Dialog, pledges: PledgeView[]): Promise<Target> {
  if (pledges.length > 0) {
    const lng = d.ctx.language;
    const no = await d.ask({
      prompt: (t) => t('donor:gift.askTarget'),
      keyboard: (t) =>
        buttons(
          [
            ...pledges.map((p) => ({ label: t('donor:pay.pledgeButton', { no: digits(p.no, lng), what: describeGift(p, t, lng) }), data: btn('pledge', p.no) })),
            { label: t('donor:pay.direct'), data: btn('pledge', 0) },
          ],
          1,
        ),
      onButton: (data) => {
        const v = Number(valueOf('pledge', data));
        return v === 0 || pledges.some((p) => p.no === v) ? v : null;
      },
    });
    const pledge = pledges.find((p) => p.no === no);
    if (pledge) return { pledge };
  }
  return { fund: await askFund(d) };
}

const hoursOrCount = (max: number, error: string) => (s: string) => {
  const r = parseCount(s, max);
  return r.ok ? r : { ok: false as const, error };
};

async function askGiven(d: Dialog, kind: GiftKind): Promise<Given> {
  if (kind === 'IN_KIND') {
    const item = await d.ask({ prompt: (t) => t('donor:gift.askItem'), onText: freeText(500) });
    const quantity = await askOptional(d, 'donor:gift.askQuantity', hoursOrCount(1_000_000, 'donor:gift.badQuantity'));
    const unit = quantity === null ? null : await askOptional(d, 'donor:gift.askUnit', freeText(50));
    const estimateRial = await askOptional(d, 'donor:pledge.askEstimate', parseTomanAmount);
    return { kind, item, quantity, unit, estimateRial };
  }
  const service = await d.ask({ prompt: (t) => t('donor:gift.askService'), onText: freeText(500) });
  const hours = await askOptional(d, 'donor:pledge.askHours', hoursOrCount(10_000, 'donor:pledge.badHours'));
  return { kind, service, hours };
}

function summary(t: TFunction, lng: Language, target: Target, given: Given, paidAt: string): string {
  const lines = [t('donor:gift.summaryTitle')];
  lines.push(
    t('donor:pay.summaryFor', {
      target: 'pledge' in target ? t('donor:gift.summaryForPledge', { no: digits(target.pledge.no, lng) }) : t('donor:pay.summaryForDirect', { fund: t(`donor:fund.${target.fund}`) }),
    }),
  );
  if (given.kind === 'IN_KIND') {
    lines.push(t('donor:pledge.summaryItem', { item: given.item }));
    if (given.quantity) lines.push(t('donor:gift.summaryQuantity', { quantity: digits(given.quantity, lng), unit: given.unit ?? '' }).trim());
    if (given.estimateRial) lines.push(t('donor:pledge.summaryEstimate', { amount: formatToman(BigInt(given.estimateRial), lng) }));
  } else {
    lines.push(t('donor:pledge.summaryService', { service: given.service }));
    if (given.hours) lines.push(t('donor:pledge.summaryHours', { hours: digits(given.hours, lng) }));
  }
  lines.push(t('donor:gift.summaryDate', { date: formatJalaliDate(new Date(paidAt), lng) }), '', t('donor:gift.askConfirm'));
  return lines.join('\n');
}

/** reportDonation's input: goods or a service, against the pledge (its earliest open installment) or to a fund. */
function reportInput(centerId: string, target: Target, given: Given, paidAt: string, key: string): ReportDonationInput {
  const where = 'pledge' in target ? { centerId: target.pledge.centerId, fund: target.pledge.fund, pledgeId: target.pledge.id } : { centerId, fund: target.fund };
  const what =
    given.kind === 'IN_KIND'
      ? {
          kind: given.kind,
          itemDescription: given.item,
          ...(given.quantity ? { quantity: given.quantity } : {}),
          ...(given.unit ? { unit: given.unit } : {}),
          ...(given.estimateRial ? { estimatedValueToman: (BigInt(given.estimateRial) / 10n).toString() } : {}),
        }
      : { kind: given.kind, serviceDescription: given.service, ...(given.hours ? { serviceHours: given.hours } : {}) };
  // One key per conversation: a retried confirmation cannot report the gift twice.
  return { ...where, ...what, paidAt, idempotencyKey: `bot:${key}` };
}

export async function donorGiftConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (!(await ensureDonorReady(ctx, where, { center: true, donor: true }))) return;
  const centerId = where.centerId!;
  const start = await conversation.external(async (o) => ({ pledges: await loadActivePledges(o), now: nowIso(o), key: randomUUID() }));
  const d = dialog(conversation, ctx);

  const kind = await d.ask({
    prompt: (t) => t('donor:gift.askKind'),
    keyboard: (t) => buttons(GIFT_KINDS.map((k) => ({ label: t(`donor:kind.${k}`), data: btn('kind', k) })), 2),
    onButton: oneOf('kind', GIFT_KINDS),
  });
  const pledges = (start.pledges ?? []).filter((p) => p.kind === kind && p.centerId === centerId && openInstallments(p).length > 0);
  const target = await askTarget(d, pledges);
  const given = await askGiven(d, kind);
  const paidAt = await askPaidAt(d, start.now, { prompt: 'donor:gift.askDate', future: 'donor:gift.futureDate' });

  const confirmed = await d.ask({
    prompt: (t) => summary(t, d.ctx.language, target, given, paidAt),
    keyboard: confirmKeyboard,
    onButton: yesNoValue('ok'),
  });
  if (!confirmed) {
    await d.say(d.ctx.t('donor:gift.cancelled'));
    return;
  }

  const outcome = await conversation.external((o) =>
    attempt(async () => {
      const donor = await o.actors.donor();
      if (!donor) return false;
      await o.core.giving.reportDonation(donor, reportInput(centerId, target, given, paidAt, start.key));
      return true;
    }),
  );
  if (!outcome.ok) {
    await d.say(d.ctx.t('donor:common.failed', { reason: d.ctx.t(`errors:${outcome.code}`) }));
    return;
  }
  await d.say(d.ctx.t(outcome.value ? 'donor:gift.done' : 'donor:common.needDonor'));
}
