/**
 * A sample statement of a center's own account, to download from the statements page and
 * upload back: the same sample the demo uploads (sample-statement.ts), built around the
 * center's gifts as they stand now, so uploading it shows proposals for gifts really waiting.
 * Asked by those who may upload the center's statements; reads only (the file is stored by
 * nothing until it is uploaded like any other).
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { id, parseInput } from '../input/schemas.ts';
import { bankDay, SAMPLE_STATEMENT_LAYOUT, sampleStatementCsv, sampleStatementLines, type SampleRandom } from './sample-statement.ts';
import { statementCenter } from './shared.ts';

export const getSampleStatementInput = z.object({ centerId: id });
export type GetSampleStatementInput = z.input<typeof getSampleStatementInput>;

export interface SampleStatement {
  centerName: string;
  /** The shipped layout that reads it. */
  presetId: string;
  csv: Buffer;
}

const DAY_MS = 86_400_000;
/** A statement is a month's export; its newest waiting gifts are enough to try the matching. */
const WAITING_GIFTS = 20;

const fresh: SampleRandom = {
  int: (min, max) => randomInt(min, max + 1),
  digits: (n) => Array.from({ length: n }, () => String(randomInt(0, 10))).join(''),
};

export async function getSampleStatement(ctx: Ctx, actor: Actor, raw: GetSampleStatementInput): Promise<SampleStatement> {
  const input = parseInput(getSampleStatementInput, raw);
  const db = ctx.tx ?? ctx.db;
  const center = await statementCenter(db, actor, input.centerId);
  const now = ctx.clock.now();
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const select = { amountRial: true, traceNumber: true, cardLast4: true, paidAt: true } as const;
  const where = { centerId: center.id, kind: 'CASH' as const, traceNumber: { not: null }, reversedBy: { is: null } };
  const [reported, confirmed] = await Promise.all([
    db.donation.findMany({ where: { ...where, state: 'REPORTED' }, select, orderBy: { paidAt: 'desc' }, take: WAITING_GIFTS }),
    db.donation.findMany({ where: { ...where, state: 'CONFIRMED', paidAt: { gte: monthAgo } }, select, orderBy: { paidAt: 'asc' }, take: WAITING_GIFTS }),
  ]);
  const lines = sampleStatementLines(fresh, reported.reverse(), confirmed, bankDay(now));
  return { centerName: center.name, presetId: SAMPLE_STATEMENT_LAYOUT, csv: sampleStatementCsv(lines) };
}
