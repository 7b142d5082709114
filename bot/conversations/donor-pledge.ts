/**
 * A pledge (تعهد کمک): kind, fund, once or monthly for N months, the amount
 * (typed in any digits or a button) or the goods / service, named or
 * anonymous, then a summary to confirm. core.giving.createPledge stores it;
 * the donor's choice to be named is core.giving.setDonorAnonymity.
 */
import { MAX_INSTALLMENTS, type CreatePledgeInput } from '../../core/giving/create-pledge.ts';
import { isRestrictedFund } from '../../core/funds/fund-rules.ts';
import { digits, formatToman } from '../../messenger/format.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import { AidKind, type Fund, PledgeSchedule } from '../../prisma/generated/client/client.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { btn, buttons, confirmKeyboard, oneOf, valueOf, yesNo, yesNoValue } from '../keyboards/donor-buttons.ts';
import { dialog, type Dialog } from './donor-ask.ts';
import { donorWhere } from './donor-core.ts';
import { ensureDonorReady } from './donor-guard.ts';
import { askAmount, askFund, askOptional, freeText } from './donor-questions.ts';
import { parseCount, parseTomanAmount, type Parsed } from './donor-parse.ts';
import { dueDay } from './donor-views.ts';

export const DONOR_PLEDGE = 'donorPledge';

const KINDS = Object.values(AidKind);
const SCHEDULES = Object.values(PledgeSchedule);
const MONTH_CHOICES = [3, 6, 12] as const;
/** Suggested amounts, in Toman. */
const AMOUNT_CHOICES = [100_000, 200_000, 500_000, 1_000_000] as const;

/** What is promised, JSON-safe (amounts as Rial strings). */
type Gift =
  | { kind: 'CASH'; perInstallmentRial: string }
  | { kind: 'IN_KIND'; item: string; estimateRial: string | null }
  | { kind: 'SERVICE'; service: string; hours: number | null };

function kindKeyboard(t: TFunction) {
  return buttons(KINDS.map((k) => ({ label: t(`donor:kind.${k}`), data: btn('kind', k) })), 3);
}

async function askGift(d: Dialog, kind: AidKind, monthly: boolean): Promise<Gift> {
  if (kind === 'CASH') {
    const rial = await askAmount(
      d,
      monthly ? 'donor:pledge.askAmountMonthly' : 'donor:pledge.askAmountOnce',
      AMOUNT_CHOICES.map((toman) => BigInt(toman) * 10n),
    );
    return { kind, perInstallmentRial: rial };
  }
  if (kind === 'IN_KIND') {
    const item = await d.ask({ prompt: (t) => t('donor:pledge.askItem'), onText: freeText(500) });
    const estimateRial = await askOptional(d, 'donor:pledge.askEstimate', parseTomanAmount);
    return { kind, item, estimateRial };
  }
  const service = await d.ask({ prompt: (t) => t('donor:pledge.askService'), onText: freeText(500) });
  const hours = await askOptional(d, 'donor:pledge.askHours', (s) => {
    const r = parseCount(s, 10_000);
    return r.ok ? r : { ok: false, error: 'donor:pledge.badHours' };
  });
  return { kind, service, hours };
}

function summary(t: TFunction, lng: 'fa' | 'en', p: { kind: AidKind; fund: Fund; count: number; gift: Gift; anonymous: boolean }): string {
  const lines = [t('donor:pledge.summaryTitle'), t('donor:pledge.summaryKind', { kind: t(`donor:kind.${p.kind}`) })];
  lines.push(t('donor:pledge.summaryFund', { fund: t(`donor:fund.${p.fund}`) }));
  const g = p.gift;
  if (g.kind === 'CASH') {
    const per = BigInt(g.perInstallmentRial);
    if (p.count === 1) lines.push(t('donor:pledge.summaryAmount', { amount: formatToman(per, lng) }), t('donor:pledge.summaryOnce'));
    else
      lines.push(
        t('donor:pledge.summaryMonthlyCash', { count: digits(p.count, lng), perMonth: formatToman(per, lng), total: formatToman(per * BigInt(p.count), lng) }),
      );
  } else {
    if (g.kind === 'IN_KIND') {
      lines.push(t('donor:pledge.summaryItem', { item: g.item }));
      if (g.estimateRial) lines.push(t('donor:pledge.summaryEstimate', { amount: formatToman(BigInt(g.estimateRial), lng) }));
    } else {
      lines.push(t('donor:pledge.summaryService', { service: g.service }));
      if (g.hours) lines.push(t('donor:pledge.summaryHours', { hours: digits(g.hours, lng) }));
    }
    lines.push(p.count === 1 ? t('donor:pledge.summaryOnce') : t('donor:pledge.summaryMonthly', { count: digits(p.count, lng) }));
  }
  lines.push(t(p.anonymous ? 'donor:pledge.summaryAnonymous' : 'donor:pledge.summaryNamed'));
  if (isRestrictedFund(p.fund)) lines.push('', t('donor:pledge.restrictedNote', { fund: t(`donor:fund.${p.fund}`) }));
  lines.push('', t('donor:pledge.askConfirm'));
  return lines.join('\n');
}

/** createPledge's input: cash is the total over all installments, in Toman. */
function pledgeInput(centerId: string, fund: Fund, count: number, gift: Gift): CreatePledgeInput {
  const base = { centerId, fund, schedule: count === 1 ? 'ONE_TIME' : 'MONTHLY', installmentCount: count } as const;
  if (gift.kind === 'CASH') return { ...base, kind: gift.kind, amountToman: ((BigInt(gift.perInstallmentRial) / 10n) * BigInt(count)).toString() };
  if (gift.kind === 'IN_KIND')
    return {
      ...base,
      kind: gift.kind,
      itemDescription: gift.item,
      ...(gift.estimateRial ? { estimatedValueToman: (BigInt(gift.estimateRial) / 10n).toString() } : {}),
    };
  return { ...base, kind: gift.kind, serviceDescription: gift.service, ...(gift.hours ? { serviceHours: gift.hours } : {}) };
}

export async function donorPledgeConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const where = await conversation.external((o) => donorWhere(o));
  if (!(await ensureDonorReady(ctx, where, { center: true, donor: true }))) return;
  const centerId = where.centerId!;
  const d = dialog(conversation, ctx);

  const kind = await d.ask({ prompt: (t) => t('donor:pledge.askKind'), keyboard: kindKeyboard, onButton: oneOf('kind', KINDS) });
  const fund = await askFund(d);
  const schedule = await d.ask({
    prompt: (t) => t('donor:pledge.askSchedule'),
    keyboard: (t) => buttons(SCHEDULES.map((s) => ({ label: t(`donor:schedule.${s}`), data: btn('sched', s) })), 2),
    onButton: oneOf('sched', SCHEDULES),
  });
  let count = 1;
  if (schedule === 'MONTHLY') {
    const badCount = (): Parsed<number> => ({ ok: false, error: 'donor:pledge.badCount', params: { max: digits(MAX_INSTALLMENTS, d.ctx.language) } });
    count = await d.ask({
      prompt: (t) => t('donor:pledge.askCount', { max: digits(MAX_INSTALLMENTS, d.ctx.language) }),
      keyboard: (t) => buttons(MONTH_CHOICES.map((n) => ({ label: t('donor:pledge.months', { count: digits(n, d.ctx.language) }), data: btn('count', n) })), 3),
      onButton: (data) => {
        const v = Number(valueOf('count', data));
        return (MONTH_CHOICES as readonly number[]).includes(v) ? v : null;
      },
      onText: (s) => {
        const r = parseCount(s, MAX_INSTALLMENTS);
        return r.ok ? r : badCount();
      },
    });
  }
  const gift = await askGift(d, kind, count > 1);
  const anonymous = await d.ask({
    prompt: (t) => t('donor:pledge.askAnonymous'),
    keyboard: (t) => yesNo('anon', t('donor:pledge.anonymous'), t('donor:pledge.named')),
    onButton: yesNoValue('anon'),
  });

  const confirmed = await d.ask({
    prompt: (t) => summary(t, d.ctx.language, { kind, fund, count, gift, anonymous }),
    keyboard: confirmKeyboard,
    onButton: yesNoValue('ok'),
  });
  if (!confirmed) {
    await d.say(d.ctx.t('donor:pledge.cancelled'));
    return;
  }

  const outcome = await conversation.external((o) =>
    attempt(async () => {
      const donor = await o.actors.donor();
      if (!donor) return null;
      const pledge = await o.core.giving.createPledge(donor, pledgeInput(centerId, fund, count, gift));
      await o.core.giving.setDonorAnonymity(donor, { anonymous });
      return { no: pledge.no, firstDueOn: pledge.firstDueOn.toISOString() };
    }),
  );
  if (!outcome.ok || !outcome.value) {
    await d.say(d.ctx.t(outcome.ok ? 'donor:common.needDonor' : `errors:${outcome.code}`));
    return;
  }
  const lng = d.ctx.language;
  const lines = [d.ctx.t('donor:pledge.done', { no: digits(outcome.value.no, lng) })];
  if (count > 1 || gift.kind === 'CASH') lines.push(d.ctx.t('donor:pledge.firstDue', { date: dueDay(outcome.value.firstDueOn, lng) }));
  await d.say(lines.join('\n'));
}
