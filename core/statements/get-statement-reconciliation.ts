/**
 * A center's Jalali month, statement against books: the credits the Sandogh account's
 * statement shows for the month's days, against the cash gifts confirmed as paid in that
 * month (less those a reversal corrected). Each credit is paired with its gift -- the one it
 * was confirmed through or recorded from, else the confirmed gift that fits it by trace
 * number, or amount and day (match.ts, the same rules as for proposals) -- and what stays
 * alone on either side is listed: money on the account no gift accounts for, and gifts
 * confirmed that the statement does not show. Reads only; who may read the funds may read it.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput, positiveInt } from '../input/schemas.ts';
import { jalaliMonthRange, jalaliToDbDate } from '../jalali.ts';
import { proposeMatches, type MatchRule } from './match.ts';
import { dateToDay, traceKey } from './parse/values.ts';
import { statementCenter, tehranDay } from './shared.ts';

export const getStatementReconciliationInput = z.object({
  centerId: id,
  year: positiveInt(1500),
  month: positiveInt(12),
});
export type GetStatementReconciliationInput = z.input<typeof getStatementReconciliationInput>;

export interface ReconciledCredit {
  lineId: string;
  bookedOn: Date;
  amountRial: bigint;
  traceNumber: string | null;
  description: string | null;
}
export interface ReconciledGift {
  donationId: string;
  receiptNo: number | null;
  state: string;
  paidAt: Date;
  amountRial: bigint;
  traceNumber: string | null;
  donorName: string | null;
}
export interface StatementReconciliation {
  center: { id: string; name: string; accountNo: string };
  period: { year: number; month: number; start: Date; end: Date };
  totals: { creditCount: number; creditRial: bigint; confirmedCount: number; confirmedRial: bigint; differenceRial: bigint };
  /** Credit and gift together: `how` is LINKED (confirmed through the line) or the rule that paired them. */
  matched: { credit: ReconciledCredit; gift: ReconciledGift; how: 'LINKED' | MatchRule }[];
  creditsWithoutGift: ReconciledCredit[];
  giftsNotOnStatement: ReconciledGift[];
}

const DONOR = { select: { organizationName: true, person: { select: { firstName: true, lastName: true } } } } as const;

export async function getStatementReconciliation(ctx: Ctx, actor: Actor, raw: GetStatementReconciliationInput): Promise<StatementReconciliation> {
  const input = parseInput(getStatementReconciliationInput, raw);
  const db = ctx.tx ?? ctx.db;
  const center = await statementCenter(db, actor, input.centerId, 'fund.read');
  const { start, end } = jalaliMonthRange(input.year, input.month);
  const firstDay = jalaliToDbDate({ year: input.year, month: input.month, day: 1 });
  const nextMonth = input.month === 12 ? { year: input.year + 1, month: 1 } : { year: input.year, month: input.month + 1 };
  const nextFirstDay = jalaliToDbDate({ ...nextMonth, day: 1 });

  const lines = await db.statementLine.findMany({
    where: { centerId: center.id, direction: 'CREDIT', bookedOn: { gte: firstDay, lt: nextFirstDay } },
    orderBy: [{ bookedOn: 'asc' }, { rowNo: 'asc' }],
    select: {
      id: true,
      bookedOn: true,
      amountRial: true,
      traceNumber: true,
      cardLast4: true,
      description: true,
      donation: { select: { id: true, receiptNo: true, state: true, paidAt: true, amountRial: true, traceNumber: true, donor: DONOR } },
    },
  });
  const gifts = await db.donation.findMany({
    where: { centerId: center.id, kind: 'CASH', state: 'CONFIRMED', paidAt: { gte: start, lt: end }, reversedBy: { is: null } },
    orderBy: { paidAt: 'asc' },
    select: { id: true, receiptNo: true, state: true, paidAt: true, amountRial: true, traceNumber: true, cardLast4: true, createdAt: true, donor: DONOR, statementLine: { select: { id: true } } },
  });

  const credit = (l: (typeof lines)[number]): ReconciledCredit => ({ lineId: l.id, bookedOn: l.bookedOn, amountRial: l.amountRial, traceNumber: l.traceNumber, description: l.description });
  const gift = (g: { id: string; receiptNo: number | null; state: string; paidAt: Date; amountRial: bigint | null; traceNumber: string | null; donor: { organizationName: string | null; person: { firstName: string; lastName: string } | null } | null }): ReconciledGift => ({
    donationId: g.id,
    receiptNo: g.receiptNo,
    state: g.state,
    paidAt: g.paidAt,
    amountRial: g.amountRial ?? 0n,
    traceNumber: g.traceNumber,
    donorName: g.donor?.organizationName ?? (g.donor?.person ? `${g.donor.person.firstName} ${g.donor.person.lastName}` : null),
  });

  const matched: StatementReconciliation['matched'] = [];
  const linkedGiftIds = new Set<string>();
  const openLines: typeof lines = [];
  for (const l of lines) {
    if (l.donation) {
      matched.push({ credit: credit(l), gift: gift(l.donation), how: 'LINKED' });
      linkedGiftIds.add(l.donation.id);
    } else openLines.push(l);
  }
  const openGifts = gifts.filter((g) => !linkedGiftIds.has(g.id));
  // A gift a line of another month accounts for (paid on the 30th, booked on the 1st) is not
  // paired again here: it stays listed as not on this month's statement.
  const pairable = openGifts.filter((g) => !g.statementLine);
  const pairs = proposeMatches(
    openLines.map((l) => ({ id: l.id, day: dateToDay(l.bookedOn), amountRial: l.amountRial, trace: traceKey(l.traceNumber), cardLast4: l.cardLast4 })),
    pairable.map((g) => ({ id: g.id, day: tehranDay(g.paidAt), amountRial: g.amountRial ?? 0n, trace: traceKey(g.traceNumber), cardLast4: g.cardLast4, reportedAt: g.createdAt.getTime() })),
  );
  const lineById = new Map(openLines.map((l) => [l.id, l]));
  const giftById = new Map(openGifts.map((g) => [g.id, g]));
  const paired = new Set<string>();
  for (const p of pairs) {
    matched.push({ credit: credit(lineById.get(p.lineId)!), gift: gift(giftById.get(p.donationId)!), how: p.rule });
    paired.add(p.lineId).add(p.donationId);
  }
  matched.sort((a, b) => a.credit.bookedOn.getTime() - b.credit.bookedOn.getTime());

  const creditRial = lines.reduce((s, l) => s + l.amountRial, 0n);
  const confirmedRial = gifts.reduce((s, g) => s + (g.amountRial ?? 0n), 0n);
  return {
    center: { id: center.id, name: center.name, accountNo: center.sandoghAccountNo },
    period: { year: input.year, month: input.month, start, end },
    totals: { creditCount: lines.length, creditRial, confirmedCount: gifts.length, confirmedRial, differenceRial: creditRial - confirmedRial },
    matched,
    creditsWithoutGift: openLines.filter((l) => !paired.has(l.id)).map(credit),
    giftsNotOnStatement: openGifts.filter((g) => !paired.has(g.id)).map(gift),
  };
}
