/**
 * A center's open credits -- statement lines of money in that no gift accounts for yet --
 * each with the reported gift it probably is (match.ts: why, and how sure), for a person to
 * confirm. All open credits are matched together (a gift goes to one line only), then one
 * page is returned: the surest proposals first, lines without a proposal last. Also the
 * center's latest uploads. Reads only.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput, positiveInt } from '../input/schemas.ts';
import { candidateGifts } from './candidate-gifts.ts';
import { proposeMatches, type MatchConfidence, type MatchRule } from './match.ts';
import { dateToDay, traceKey } from './parse/values.ts';
import { statementCenter } from './shared.ts';

export const listStatementMatchesInput = z.object({
  centerId: id,
  /** Only the lines a given upload brought. */
  importId: id.optional(),
  limit: positiveInt(10_000).default(200),
  offset: z.coerce.number({ message: 'VALIDATION' }).int().min(0).default(0),
});
export type ListStatementMatchesInput = z.input<typeof listStatementMatchesInput>;

export interface ProposedGift {
  id: string;
  donorName: string | null;
  amountRial: bigint;
  paidAt: Date;
  traceNumber: string | null;
  cardLast4: string | null;
  fund: string;
}

export interface OpenCredit {
  lineId: string;
  bookedOn: Date;
  amountRial: bigint;
  traceNumber: string | null;
  cardLast4: string | null;
  description: string | null;
  rowNo: number;
  proposal: { rule: MatchRule; confidence: MatchConfidence; dayGap: number; sameTraceReports: number; traceDiffers: boolean; gift: ProposedGift } | null;
  /**
   * Without a proposal, the gift already confirmed elsewhere (from the review queue) that this
   * credit fits by the same rules: it is not open money, and recording it again would be refused.
   */
  confirmedGift: { id: string; receiptNo: number | null; rule: MatchRule } | null;
}

export interface StatementMatches {
  center: { id: string; name: string; accountNo: string };
  totals: { openCredits: number; openCreditRial: bigint; high: number; medium: number; low: number; alreadyConfirmed: number; none: number };
  items: OpenCredit[];
  imports: { id: string; fileName: string; layoutName: string; lineCount: number; addedCount: number; firstDay: Date | null; lastDay: Date | null; createdAt: Date }[];
}

const RANK: Record<MatchConfidence, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

function personName(p: { firstName: string; lastName: string } | null | undefined): string | null {
  return p ? `${p.firstName} ${p.lastName}`.trim() : null;
}

export async function listStatementMatches(ctx: Ctx, actor: Actor, raw: ListStatementMatchesInput): Promise<StatementMatches> {
  const input = parseInput(listStatementMatchesInput, raw);
  const db = ctx.tx ?? ctx.db;
  const center = await statementCenter(db, actor, input.centerId);
  const lines = await db.statementLine.findMany({
    where: { centerId: center.id, direction: 'CREDIT', donationId: null, ...(input.importId ? { importId: input.importId } : {}) },
    select: { id: true, bookedOn: true, amountRial: true, traceNumber: true, cardLast4: true, description: true, rowNo: true },
  });
  const toMatch = lines.map((l) => ({ id: l.id, day: dateToDay(l.bookedOn), amountRial: l.amountRial, trace: traceKey(l.traceNumber), cardLast4: l.cardLast4 }));
  const proposals = new Map(proposeMatches(toMatch, await candidateGifts(db, center.id, toMatch)).map((p) => [p.lineId, p]));
  const unproposed = toMatch.filter((l) => !proposals.has(l.id));
  const confirmedFits = new Map(proposeMatches(unproposed, await candidateGifts(db, center.id, unproposed, ['CONFIRMED'])).map((p) => [p.lineId, p]));

  const ordered = [...lines].sort((a, b) => {
    const pa = proposals.get(a.id);
    const pb = proposals.get(b.id);
    // The surest first; what no gift accounts for next; credits of gifts confirmed elsewhere last.
    const ra = pa ? RANK[pa.confidence] : confirmedFits.has(a.id) ? 4 : 3;
    const rb = pb ? RANK[pb.confidence] : confirmedFits.has(b.id) ? 4 : 3;
    return ra - rb || b.bookedOn.getTime() - a.bookedOn.getTime() || a.rowNo - b.rowNo;
  });
  const page = ordered.slice(input.offset, input.offset + input.limit);
  const giftIds = page.flatMap((l) => {
    const p = proposals.get(l.id) ?? confirmedFits.get(l.id);
    return p ? [p.donationId] : [];
  });
  const gifts = new Map(
    (
      await db.donation.findMany({
        where: { id: { in: giftIds } },
        select: {
          id: true,
          receiptNo: true,
          amountRial: true,
          paidAt: true,
          traceNumber: true,
          cardLast4: true,
          fund: true,
          donor: { select: { organizationName: true, person: { select: { firstName: true, lastName: true } } } },
        },
      })
    ).map((g) => [g.id, g]),
  );

  const totals = { openCredits: lines.length, openCreditRial: 0n, high: 0, medium: 0, low: 0, alreadyConfirmed: 0, none: 0 };
  for (const l of lines) {
    totals.openCreditRial += l.amountRial;
    const p = proposals.get(l.id);
    if (!p && confirmedFits.has(l.id)) totals.alreadyConfirmed++;
    else if (!p) totals.none++;
    else if (p.confidence === 'HIGH') totals.high++;
    else if (p.confidence === 'MEDIUM') totals.medium++;
    else totals.low++;
  }
  const imports = await db.statementImport.findMany({
    where: { centerId: center.id },
    orderBy: { createdAt: 'desc' },
    take: 10,
    select: { id: true, fileName: true, layoutName: true, lineCount: true, addedCount: true, firstDay: true, lastDay: true, createdAt: true },
  });
  return {
    center: { id: center.id, name: center.name, accountNo: center.sandoghAccountNo },
    totals,
    items: page.map((l) => {
      const p = proposals.get(l.id);
      const g = p ? gifts.get(p.donationId) : undefined;
      const fit = confirmedFits.get(l.id);
      return {
        lineId: l.id,
        bookedOn: l.bookedOn,
        amountRial: l.amountRial,
        traceNumber: l.traceNumber,
        cardLast4: l.cardLast4,
        description: l.description,
        rowNo: l.rowNo,
        proposal:
          p && g
            ? {
                rule: p.rule,
                confidence: p.confidence,
                dayGap: p.dayGap,
                sameTraceReports: p.sameTraceReports,
                traceDiffers: p.traceDiffers,
                gift: {
                  id: g.id,
                  donorName: g.donor?.organizationName ?? personName(g.donor?.person),
                  amountRial: g.amountRial ?? 0n,
                  paidAt: g.paidAt,
                  traceNumber: g.traceNumber,
                  cardLast4: g.cardLast4,
                  fund: g.fund,
                },
              }
            : null,
        confirmedGift: fit ? { id: fit.donationId, receiptNo: gifts.get(fit.donationId)?.receiptNo ?? null, rule: fit.rule } : null,
      };
    }),
    imports,
  };
}
