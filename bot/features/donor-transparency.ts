/**
 * The chosen center's transparency report for a Jalali month
 * (core.reports.getTransparencyReport): totals by fund in Toman, households
 * helped by need (small groups shown as "fewer than"), the number of donors.
 * Aggregates only: never a household, never a donor's name.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { digits, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import { attempt } from '../attempt.ts';
import type { BotContext } from '../context.ts';
import { toJalali } from '../../core/jalali.ts';
import { MIN_GROUP } from '../../core/reports/get-transparency-report.ts';
import type { Core } from '../../core/index.ts';
import { ensureDonorReady } from '../conversations/donor-guard.ts';
import { DONOR_MENU, transparencyMonth } from '../keyboards/donor-buttons.ts';

export const donorTransparencyFeature = new Composer<BotContext>();

type Report = Awaited<ReturnType<Core['reports']['getTransparencyReport']>>;
interface Month {
  year: number;
  month: number;
}

export function monthLabel(m: Month, t: TFunction, lng: Language): string {
  return t('donor:month.label', { month: t(`donor:month.${m.month}`), year: digits(m.year, lng) });
}

function shift(m: Month, by: number): Month {
  const index = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function value(kind: string, cash: bigint, estimated: bigint, t: TFunction, lng: Language): string | null {
  if (kind === 'CASH') return cash > 0n ? formatToman(cash, lng) : null;
  return estimated > 0n ? t('donor:transparency.estimated', { amount: formatToman(estimated, lng) }) : t('donor:transparency.unvalued');
}

export function transparencyText(r: Report, t: TFunction, lng: Language): string {
  const count = (n: number | null) => (n === null ? t('donor:transparency.fewer', { min: digits(MIN_GROUP, lng) }) : digits(n, lng));
  const parts = [t('donor:transparency.title', { center: r.center.name, month: monthLabel(r.period, t, lng) })];
  // The kind's short name: the line already puts it in parentheses («کمک عمومی (کالا)»).
  const line = (key: string, kind: string, fund: string, amount: string) =>
    t(key, { fund: t(`donor:fund.${fund}`), kind: t(`donor:kindShort.${kind}`), amount });

  const received = r.received.flatMap((x) => {
    const v = value(x.kind, x.confirmedRial, x.confirmedEstimatedRial, t, lng);
    return v !== null && (x.confirmedRial > 0n || x.confirmedEstimatedRial > 0n) ? [line('donor:transparency.receivedLine', x.kind, x.fund, v)] : [];
  });
  const distributed = r.distributed.flatMap((x) => {
    const v = value(x.kind, x.amountRial, x.estimatedRial, t, lng);
    return v === null ? [] : [line('donor:transparency.distributedLine', x.kind, x.fund, v)];
  });
  const households = r.householdsHelped
    .filter((h) => h.households !== 0)
    .map((h) => t('donor:transparency.householdsLine', { category: t(`donor:needCategory.${h.category}`), count: count(h.households) }));

  if (received.length === 0 && distributed.length === 0 && households.length === 0 && r.donors === 0) {
    parts.push(t('donor:transparency.nothing'));
    return parts.join('\n\n');
  }
  if (received.length) parts.push([t('donor:transparency.receivedTitle'), ...received].join('\n'));
  if (distributed.length) parts.push([t('donor:transparency.distributedTitle'), ...distributed].join('\n'));
  if (households.length) parts.push([t('donor:transparency.householdsTitle'), ...households].join('\n'));
  parts.push(t('donor:transparency.donors', { count: count(r.donors) }), t('donor:transparency.note'));
  return parts.join('\n\n');
}

async function showReport(ctx: BotContext, requested: Month | null): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const centerId = ctx.session.centerId ?? null;
  // The guard tells the chat a center is needed; the second test only narrows the type.
  if (!(await ensureDonorReady(ctx, { donor: false, centerId }, { center: true, donor: false })) || !centerId) return;
  const current = toJalali(ctx.core.ctx.clock.now());
  // Never a month that has not begun.
  const month = requested && requested.year * 12 + requested.month <= current.year * 12 + current.month ? requested : current;
  const outcome = await attempt(() => ctx.core.reports.getTransparencyReport(ctx.actors.chat(), { centerId, year: month.year, month: month.month }));
  if (!outcome.ok) {
    await ctx.reply(ctx.t(`errors:${outcome.code}`));
    return;
  }
  const lng = ctx.chatAccount.language;
  const nav = new InlineKeyboard().text(ctx.t('donor:transparency.previous'), transparencyMonth.encode(shift(month, -1)));
  if (month.year !== current.year || month.month !== current.month)
    nav.text(ctx.t('donor:transparency.next'), transparencyMonth.encode(shift(month, 1)));
  await ctx.reply(transparencyText(outcome.value, ctx.t, lng), { reply_markup: nav });
}

donorTransparencyFeature.callbackQuery(DONOR_MENU.transparency, async (ctx) => {
  await ctx.conversation.exitAll();
  await showReport(ctx, null);
});

donorTransparencyFeature.callbackQuery(transparencyMonth.pattern, async (ctx) => {
  const m = transparencyMonth.decode(ctx.callbackQuery.data);
  const year = Number(m?.year);
  const month = Number(m?.month);
  await showReport(ctx, Number.isInteger(year) && month >= 1 && month <= 12 ? { year, month } : null);
});
