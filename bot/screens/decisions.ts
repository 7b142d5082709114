/**
 * What a trustee may decide, shown one at a time: a reported donation with
 * its receipt photo (the file id the donor's upload got), or an approval
 * request such as the chair's distribution, with approve / reject buttons.
 * Built as plain data so conversations can fetch it through external().
 */
import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { DonationDetail, PendingDecision } from '../../core/approvals/list-pending-decisions.ts';
import { digits, formatJalaliDate, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { BotContext, ConversationContext } from '../context.ts';
import type { BoardRole } from './board-roles.ts';
import { myBoardRoles } from './board-roles.ts';
import { decisionKeyboard } from '../keyboards/trustee.ts';

export interface DecisionScreen {
  text: string;
  /** File id of the proof photo, when there is one. */
  photo: string | null;
  reply_markup: InlineKeyboardMarkup;
}

interface Listed {
  role: BoardRole;
  item: PendingDecision;
}

/** Every pending decision of every board role of the person, oldest first within each role. */
export async function pendingDecisions(ctx: BotContext): Promise<Listed[]> {
  const out: Listed[] = [];
  for (const role of await myBoardRoles(ctx)) {
    for (const item of await ctx.core.approvals.listPendingDecisions(role.actor, {})) out.push({ role, item });
  }
  return out;
}

function donationLines(t: TFunction, lng: Language, d: DonationDetail): string {
  if (d.kind === 'CASH' && d.amountRial !== null) return t('trustee:approvals.cash', { amount: formatToman(d.amountRial, lng) });
  if (d.kind === 'IN_KIND') {
    return d.quantity
      ? t('trustee:approvals.inKindQuantity', { item: d.itemDescription ?? '', quantity: digits(d.quantity, lng), unit: d.unit ?? '' })
      : t('trustee:approvals.inKind', { item: d.itemDescription ?? '' });
  }
  return d.serviceHours
    ? t('trustee:approvals.serviceHours', { service: d.serviceDescription ?? '', hours: digits(d.serviceHours, lng) })
    : t('trustee:approvals.service', { service: d.serviceDescription ?? '' });
}

/** The day of the gift, named for what happened on it: a payment, goods handed over, a service given. */
const GIFT_DAY = { CASH: 'trustee:approvals.date.CASH', IN_KIND: 'trustee:approvals.date.IN_KIND', SERVICE: 'trustee:approvals.date.SERVICE' } as const;

function donationText(t: TFunction, lng: Language, center: string, d: DonationDetail): string {
  const lines = [
    t('trustee:approvals.donation', {
      center,
      donor: d.donorName ?? t('trustee:approvals.anonymousDonor'),
      what: donationLines(t, lng, d),
      fund: t(`trustee:funds.${d.fund}`),
      date: t(GIFT_DAY[d.kind as keyof typeof GIFT_DAY] ?? GIFT_DAY.CASH, { date: formatJalaliDate(d.paidAt, lng) }),
    }),
  ];
  if (d.traceNumber) lines.push(t('trustee:approvals.trace', { trace: digits(d.traceNumber, lng) }));
  if (d.cardLast4) lines.push(t('trustee:approvals.card', { card: digits(d.cardLast4, lng) }));
  if (!d.receiptFileId && d.kind === 'CASH') lines.push(t('trustee:approvals.noPhoto'));
  return lines.join('\n');
}

function itemText(t: TFunction, lng: Language, center: string, item: PendingDecision): string {
  if (item.donation) return donationText(t, lng, center, item.donation);
  if (item.type === 'request' && item.distribution) {
    const d = item.distribution;
    const what =
      d.kind === 'CASH' && d.amountRial !== null
        ? t('trustee:approvals.cash', { amount: formatToman(d.amountRial, lng) })
        : d.kind === 'IN_KIND'
          ? [t('trustee:approvals.inKind', { item: d.itemDescription ?? '' }), d.estimatedValueRial ? t('trustee:approvals.value', { amount: formatToman(d.estimatedValueRial, lng) }) : '']
              .filter(Boolean)
              .join('\n')
          : t('trustee:approvals.service', { service: d.serviceDescription ?? '' });
    return t('trustee:approvals.distribution', { center, referenceCode: d.referenceCode, what, fund: t(`trustee:funds.${d.fund}`) });
  }
  const base = t('trustee:approvals.other', { center, date: formatJalaliDate(item.since, lng) });
  return item.type === 'request' && item.reason ? `${base}\n${t('trustee:approvals.requestReason', { reason: item.reason })}` : base;
}

/** The decision at place `offset` of the current list; null when there is none there. */
export async function decisionScreen(ctx: BotContext, offset: number): Promise<(DecisionScreen & { total: number }) | { total: number; text: null }> {
  const all = await pendingDecisions(ctx);
  const listed = all[offset];
  if (!listed) return { total: all.length, text: null };
  const { role, item } = listed;
  const lng = ctx.chatAccount.language;
  const ref = { y: item.type === 'donation' ? ('d' as const) : ('r' as const), i: item.id, m: role.actor.membershipId, o: offset };
  return {
    total: all.length,
    text: itemText(ctx.t, lng, role.centerName, item),
    photo: item.donation?.receiptFileId ?? null,
    reply_markup: decisionKeyboard(ctx.t, ref, offset + 1 < all.length),
  };
}

type Replier = Pick<BotContext | ConversationContext, 'reply' | 'replyWithPhoto'>;

/** Sends a decision, with its proof photo when there is one (the text alone if the file is gone). */
export async function sendDecision(ctx: Replier, screen: DecisionScreen): Promise<void> {
  if (screen.photo) {
    try {
      await ctx.replyWithPhoto(screen.photo, { caption: screen.text, reply_markup: screen.reply_markup });
      return;
    } catch (e) {
      // A file id from another bot or platform is refused: the decision is still shown.
      if (!(e instanceof GrammyError)) throw e;
    }
  }
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
}
