/**
 * The reported cash gifts of a center a statement's credits could be: those of the lines'
 * amounts paid within the lines' days (and the matching window), and those carrying one of
 * the lines' trace numbers paid within TRACE_WINDOW_DAYS of them. One query, filtered by
 * PostgreSQL from the (centerId, paidAt) index, so a center with a long queue sends only the
 * gifts that can matter. Gifts already accounted for by a line (an anonymous credit the chair
 * recorded, still waiting for confirmation) are left out.
 *
 * Why trace numbers are not looked up whenever paid: a donor's report names the day they
 * paid, within days of the bank's; short trace numbers repeat over months, so a "match" two
 * months away is another transfer. And the bound keeps the query on the index.
 */
import type { Db } from '../../prisma/client.ts';
import type { Tx } from '../context.ts';
import { MATCH_WINDOW_DAYS, type GiftToMatch } from './match.ts';

/** How far a trace number's report may lie from the bank's day (the TRACE rule's reach). */
export const TRACE_WINDOW_DAYS = 10;
import { tehranDayStart } from './shared.ts';

export interface LineForCandidates {
  day: number;
  amountRial: bigint;
  trace: string | null;
}

export async function candidateGifts(db: Tx | Db, centerId: string, lines: readonly LineForCandidates[], states: readonly ('REPORTED' | 'CONFIRMED')[] = ['REPORTED']): Promise<GiftToMatch[]> {
  if (lines.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  const amounts = new Set<string>();
  const traces = new Set<string>();
  for (const l of lines) {
    if (l.day < first) first = l.day;
    if (l.day > last) last = l.day;
    amounts.add(l.amountRial.toString());
    if (l.trace) traces.add(l.trace);
  }
  const from = tehranDayStart(first - MATCH_WINDOW_DAYS);
  const to = tehranDayStart(last + MATCH_WINDOW_DAYS + 1);
  const traceFrom = tehranDayStart(first - TRACE_WINDOW_DAYS);
  const traceTo = tehranDayStart(last + TRACE_WINDOW_DAYS + 1);
  // The lines' amounts and traces as sets PostgreSQL hashes once (IN over a subquery): a
  // prepared statement run often gets a generic plan, where `= ANY($array)` is no longer
  // hashed and ten thousand values are compared one by one for every gift (seconds).
  //
  // The rows come back as one text (a line per gift, tab-separated): ten thousand rows typed
  // and mapped one by one by the client cost more than the query; a gift's id and its
  // normalised trace number hold no tab or newline (core's codes are stripped of whitespace).
  const [result] = await db.$queryRaw<{ gifts: string | null }[]>`
    SELECT string_agg(concat_ws(E'\t', d."id", d."amountRial", coalesce(ltrim(d."traceNumber", '0'), ''), coalesce(d."cardLast4", ''),
             floor(extract(epoch FROM d."paidAt" + interval '3 hours 30 minutes') / 86400)::int,
             (extract(epoch FROM d."createdAt") * 1000)::bigint), E'\n') AS "gifts"
    FROM "Donation" d
    WHERE d."centerId" = ${centerId}
      AND d."state"::text IN (SELECT unnest(${[...states]}::text[]))
      AND d."kind" = 'CASH'
      AND d."paidAt" >= ${traceFrom} AND d."paidAt" < ${traceTo}
      AND ((d."paidAt" >= ${from} AND d."paidAt" < ${to} AND d."amountRial" IN (SELECT unnest(${[...amounts]}::bigint[])))
           OR ltrim(d."traceNumber", '0') IN (SELECT unnest(${[...traces]}::text[])))
      AND NOT EXISTS (SELECT 1 FROM "StatementLine" l WHERE l."donationId" = d."id")`;
  if (!result?.gifts) return [];
  return result.gifts.split('\n').map((row) => {
    const [id, amount, trace, card, day, reportedAt] = row.split('\t') as [string, string, string, string, string, string];
    return { id, day: Number(day), amountRial: BigInt(amount), trace: trace || null, cardLast4: card || null, reportedAt: Number(reportedAt) };
  });
}
