/**
 * What an uploaded statement holds, before anything is stored: its lines as read with the
 * chosen layout, how many are new to the account, and which reported gift each new credit
 * probably is. Writes nothing (no audit row: nothing changed).
 *
 * Without a layout, or when the file has not the layout's headers, the answer is the file's
 * column headers instead, for a person to map once and keep as the bank's preset.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { candidateGifts } from './candidate-gifts.ts';
import { proposeMatches, type MatchConfidence, type MatchRule } from './match.ts';
import { parseStatement, statementColumns, type KeyedLine } from './parse/parse-statement.ts';
import { traceKey } from './parse/values.ts';
import { layoutOf, statementCenter, statementFileInput } from './shared.ts';
import { storedLineKeys } from './stored-keys.ts';

export const previewStatementInput = z.object(statementFileInput);
export type PreviewStatementInput = z.input<typeof previewStatementInput>;

export interface PreviewLine extends KeyedLine {
  /** Already stored from an earlier upload (it will not be stored again). */
  stored: boolean;
  proposal: { donationId: string; rule: MatchRule; confidence: MatchConfidence } | null;
}

export type StatementPreview =
  | { needsLayout: true; columns: string[]; missingColumn: string | null }
  | {
      needsLayout: false;
      layoutName: string;
      fileKind: 'xlsx' | 'csv';
      lines: PreviewLine[];
      totals: { lines: number; credits: number; debits: number; creditRial: bigint; debitRial: bigint; newLines: number; proposals: number; firstDay: Date | null; lastDay: Date | null };
    };

export async function previewStatement(ctx: Ctx, actor: Actor, raw: PreviewStatementInput): Promise<StatementPreview> {
  const input = parseInput(previewStatementInput, raw);
  const db = ctx.tx ?? ctx.db;
  const center = await statementCenter(db, actor, input.centerId);
  const layout = await layoutOf(db, input);
  if (!layout) return { needsLayout: true, columns: await statementColumns(input.file), missingColumn: null };
  let parsed;
  try {
    parsed = await parseStatement(input.file, layout.mapping, ctx.settings.maxAmountRial);
  } catch (e) {
    if (!isDomainError(e, 'STATEMENT_HEADER_NOT_FOUND')) throw e;
    return { needsLayout: true, columns: await statementColumns(input.file), missingColumn: String(e.params.column ?? '') || null };
  }
  const { lines } = parsed;

  // The lines already stored and the gifts the credits could be, asked of the database at once.
  // (A stored line is no credit to match; its candidates cost a little, and are not proposed.)
  const toMatch = lines.filter((l) => l.direction === 'CREDIT').map((l) => ({ id: l.lineKey, day: l.day, amountRial: l.amountRial, trace: traceKey(l.traceNumber), cardLast4: l.cardLast4 }));
  const [stored, gifts] = await Promise.all([storedLineKeys(db, { centerId: center.id, accountNo: center.sandoghAccountNo }, lines), candidateGifts(db, center.id, toMatch)]);
  const proposals = proposeMatches(toMatch.filter((l) => !stored.has(l.id)), gifts);
  const byLine = new Map(proposals.map((p) => [p.lineId, p]));

  let creditRial = 0n;
  let debitRial = 0n;
  let firstDay: Date | null = null;
  let lastDay: Date | null = null;
  for (const l of lines) {
    if (l.direction === 'CREDIT') creditRial += l.amountRial;
    else debitRial += l.amountRial;
    if (!firstDay || l.bookedOn < firstDay) firstDay = l.bookedOn;
    if (!lastDay || l.bookedOn > lastDay) lastDay = l.bookedOn;
  }
  return {
    needsLayout: false,
    layoutName: layout.name,
    fileKind: parsed.kind,
    lines: lines.map((l) => {
      const p = byLine.get(l.lineKey);
      return { ...l, stored: stored.has(l.lineKey), proposal: p ? { donationId: p.donationId, rule: p.rule, confidence: p.confidence } : null };
    }),
    totals: {
      lines: lines.length,
      credits: lines.filter((l) => l.direction === 'CREDIT').length,
      debits: lines.filter((l) => l.direction === 'DEBIT').length,
      creditRial,
      debitRial,
      newLines: lines.length - stored.size,
      proposals: proposals.length,
      firstDay,
      lastDay,
    },
  };
}
