/**
 * Which reported gift each credit line of a statement probably is. A proposal, never a
 * decision: a person confirms it (confirm-statement-matches.ts), and this code writes nothing.
 *
 * Three rules, the surest first; a gift taken by a surer rule is not offered again, so a
 * line gets at most one gift and a gift at most one line:
 *   TRACE        the same trace number (leading zeros aside) and the same amount, paid within
 *                ten days (candidate-gifts.ts says why). Sure
 *                (HIGH), unless several reports carry it (the donor reported twice), the
 *                days lie more than two apart (short trace numbers repeat) or the cards
 *                differ: then MEDIUM.
 *   CARD_DATE    the same amount, days at most two apart, the same card's last four digits.
 *   AMOUNT_DATE  the same amount, days at most two apart (LOW).
 * The last two are proposed only when unambiguous: the line has exactly one such gift and
 * that gift exactly one such line. Two equal gifts in a window are left to a person, since
 * picking either could confirm the wrong donor's gift. A gift paid with another card than the
 * line's is never proposed by them: two different transfers, however alike. A gift whose
 * trace number differs from the line's is proposed by the card rule (the card is evidence
 * enough: a mistyped trace number is common, and some banks print a reference number of
 * their own), never by amount and day alone.
 */

export type MatchRule = 'TRACE' | 'CARD_DATE' | 'AMOUNT_DATE';
export type MatchConfidence = 'HIGH' | 'MEDIUM' | 'LOW';

/** The window of the date rules, in days either side. */
export const MATCH_WINDOW_DAYS = 2;

export interface LineToMatch {
  id: string;
  /** Days since 1970-01-01 (the bank's day). */
  day: number;
  amountRial: bigint;
  /** traceKey(...) of the line's trace number. */
  trace: string | null;
  cardLast4: string | null;
}

export interface GiftToMatch {
  id: string;
  /** The Tehran day the donor says they paid (days since 1970-01-01). */
  day: number;
  amountRial: bigint;
  trace: string | null;
  cardLast4: string | null;
  /** When it was reported (ms): of two equal reports, the first is offered. */
  reportedAt: number;
}

export interface Proposal {
  lineId: string;
  donationId: string;
  rule: MatchRule;
  confidence: MatchConfidence;
  /** Days between the bank's day and the donor's (absolute). */
  dayGap: number;
  /** Other reports carrying the same trace number and amount (the donor reported twice). */
  sameTraceReports: number;
  /** Both carry a trace number and they differ (proposed by the card, a person should look). */
  traceDiffers: boolean;
}

const cardsDiffer = (line: LineToMatch, gift: GiftToMatch) => !!line.cardLast4 && !!gift.cardLast4 && line.cardLast4 !== gift.cardLast4;
const tracesDiffer = (line: LineToMatch, gift: GiftToMatch) => !!line.trace && !!gift.trace && line.trace !== gift.trace;

export function proposeMatches(lines: readonly LineToMatch[], gifts: readonly GiftToMatch[]): Proposal[] {
  const proposals: Proposal[] = [];
  const taken = new Set<string>();
  const matched = new Set<string>();
  const byTrace = new Map<string, GiftToMatch[]>();
  // BigInt keys compare by value in a Map (SameValueZero): no string per amount.
  const byAmount = new Map<bigint, GiftToMatch[]>();
  for (const g of gifts) {
    if (g.trace) (byTrace.get(g.trace) ?? byTrace.set(g.trace, []).get(g.trace)!).push(g);
    (byAmount.get(g.amountRial) ?? byAmount.set(g.amountRial, []).get(g.amountRial)!).push(g);
  }
  // Lines in the bank's order of days, so two lines sharing a trace give the first its gift.
  const ordered = [...lines].sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // 1. Trace number and amount.
  for (const line of ordered) {
    if (!line.trace) continue;
    const candidates = (byTrace.get(line.trace) ?? []).filter((g) => g.amountRial === line.amountRial && !taken.has(g.id));
    if (candidates.length === 0) continue;
    candidates.sort(
      (a, b) =>
        Number(b.cardLast4 === line.cardLast4 && !!line.cardLast4) - Number(a.cardLast4 === line.cardLast4 && !!line.cardLast4) ||
        Math.abs(a.day - line.day) - Math.abs(b.day - line.day) ||
        a.reportedAt - b.reportedAt ||
        (a.id < b.id ? -1 : 1),
    );
    const gift = candidates[0]!;
    const dayGap = Math.abs(gift.day - line.day);
    taken.add(gift.id);
    matched.add(line.id);
    proposals.push({
      lineId: line.id,
      donationId: gift.id,
      rule: 'TRACE',
      confidence: candidates.length === 1 && dayGap <= MATCH_WINDOW_DAYS && !cardsDiffer(line, gift) ? 'HIGH' : 'MEDIUM',
      dayGap,
      sameTraceReports: candidates.length - 1,
      traceDiffers: false,
    });
  }

  // 2 and 3. Amount and day (and card), only where unambiguous both ways.
  const windowed = (line: LineToMatch, accept: (g: GiftToMatch) => boolean) =>
    (byAmount.get(line.amountRial) ?? []).filter(
      (g) => !taken.has(g.id) && Math.abs(g.day - line.day) <= MATCH_WINDOW_DAYS && !cardsDiffer(line, g) && accept(g),
    );
  for (const [rule, confidence] of [
    ['CARD_DATE', 'MEDIUM'],
    ['AMOUNT_DATE', 'LOW'],
  ] as const) {
    const accept = (line: LineToMatch) => (g: GiftToMatch) =>
      rule === 'AMOUNT_DATE' ? !tracesDiffer(line, g) : !!line.cardLast4 && g.cardLast4 === line.cardLast4;
    const open = ordered.filter((l) => !matched.has(l.id) && (rule === 'AMOUNT_DATE' || !!l.cardLast4));
    const candidatesOf = new Map<string, GiftToMatch[]>();
    const linesPerGift = new Map<string, number>();
    for (const line of open) {
      const candidates = windowed(line, accept(line));
      candidatesOf.set(line.id, candidates);
      for (const g of candidates) linesPerGift.set(g.id, (linesPerGift.get(g.id) ?? 0) + 1);
    }
    for (const line of open) {
      const candidates = candidatesOf.get(line.id)!;
      if (candidates.length !== 1) continue;
      const gift = candidates[0]!;
      if (linesPerGift.get(gift.id) !== 1 || taken.has(gift.id)) continue;
      taken.add(gift.id);
      matched.add(line.id);
      proposals.push({
        lineId: line.id,
        donationId: gift.id,
        rule,
        confidence,
        dayGap: Math.abs(gift.day - line.day),
        sameTraceReports: 0,
        traceDiffers: tracesDiffer(line, gift),
      });
    }
  }
  return proposals;
}
