/**
 * A donor's pledges and donations as plain JSON (what `conversation.external`
 * may return: strings for BigInt amounts, ISO strings for dates), and how the
 * bot names them to people: by ordinal number, amount and Jalali date, never by id.
 */
import type { Core } from '../../core/index.ts';
import { formatJalaliDate, formatToman } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { AidKind, Fund } from '../../prisma/generated/client/client.ts';

type History = Awaited<ReturnType<Core['reports']['getDonorHistory']>>;

export interface InstallmentView {
  id: string;
  seq: number;
  dueOn: string;
  scheduledAmountRial: string | null;
  paidAmountRial: string;
  state: string;
}

export interface PledgeView {
  /** 1 for the donor's first pledge: how the bot and the donor refer to it. */
  no: number;
  id: string;
  centerId: string;
  centerName: string;
  kind: AidKind;
  fund: Fund;
  amountRial: string | null;
  itemDescription: string | null;
  serviceDescription: string | null;
  schedule: 'ONE_TIME' | 'MONTHLY';
  installmentCount: number;
  state: string;
  installments: InstallmentView[];
}

export interface DonationView {
  kind: AidKind;
  fund: Fund;
  amountRial: string | null;
  estimatedValueRial: string | null;
  itemDescription: string | null;
  serviceDescription: string | null;
  state: string;
  paidAt: string;
  receiptNo: number | null;
  rejectReason: string | null;
}

export interface HistoryView {
  pledges: PledgeView[];
  donations: DonationView[];
  confirmedCashRial: string;
}

const str = (v: bigint | null) => (v === null ? null : v.toString());

export function historyView(h: History): HistoryView {
  const count = h.pledges.length;
  return {
    // Newest first, numbered from the oldest so a pledge keeps its number.
    pledges: h.pledges.map((p, i) => ({
      no: count - i,
      id: p.id,
      centerId: p.centerId,
      centerName: p.center.name,
      kind: p.kind,
      fund: p.fund,
      amountRial: str(p.amountRial),
      itemDescription: p.itemDescription,
      serviceDescription: p.serviceDescription,
      schedule: p.schedule,
      installmentCount: p.installmentCount,
      state: p.state,
      installments: p.installments.map((i) => ({
        id: i.id,
        seq: i.seq,
        dueOn: i.dueOn.toISOString(),
        scheduledAmountRial: str(i.scheduledAmountRial),
        paidAmountRial: i.paidAmountRial.toString(),
        state: i.state,
      })),
    })),
    donations: h.donations.map((d) => ({
      kind: d.kind,
      fund: d.fund,
      amountRial: str(d.amountRial),
      estimatedValueRial: str(d.estimatedValueRial),
      itemDescription: d.itemDescription,
      serviceDescription: d.serviceDescription,
      state: d.state,
      paidAt: d.paidAt.toISOString(),
      receiptNo: d.receiptNo,
      rejectReason: d.rejectReason,
    })),
    confirmedCashRial: h.confirmedCashRial.toString(),
  };
}

/** What was given or promised, in a few words: an amount, the goods or the service. */
export function describeGift(
  g: { kind: AidKind; amountRial: string | null; itemDescription: string | null; serviceDescription: string | null },
  t: TFunction,
  lng: Language,
): string {
  if (g.kind === 'CASH' && g.amountRial !== null) return formatToman(BigInt(g.amountRial), lng);
  const what = g.kind === 'IN_KIND' ? g.itemDescription : g.serviceDescription;
  return what ? `${t(`donor:kind.${g.kind}`)}: ${what}` : t(`donor:kind.${g.kind}`);
}

/** A calendar day stored as UTC midnight (`@db.Date`), shown as its Jalali day. */
export function dueDay(iso: string, lng: Language): string {
  return formatJalaliDate(new Date(new Date(iso).getTime() + 12 * 3600_000), lng);
}

/** Installments a payment may still be reported against. */
export function openInstallments(p: PledgeView): InstallmentView[] {
  return p.installments.filter((i) => i.state === 'PENDING' || i.state === 'PARTIAL' || i.state === 'MISSED');
}

/** What is still owed on an installment, in Rials (null for goods and services). */
export function remainingRial(i: InstallmentView): bigint | null {
  if (i.scheduledAmountRial === null) return null;
  const left = BigInt(i.scheduledAmountRial) - BigInt(i.paidAmountRial);
  return left > 0n ? left : null;
}
