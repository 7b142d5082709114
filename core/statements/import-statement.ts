/**
 * Stores an uploaded statement's lines on the center's Sandogh account, each line once: a
 * line already stored (the same file again, an export whose period overlaps an earlier one)
 * is passed over by its identity key (parse/line-key.ts; StatementLine's unique index). The
 * file is read whole before anything is written, so a file with one bad row stores nothing.
 *
 * One transaction, under a lock on the account: two uploads to one account at once queue, so
 * each learns truly how many lines it added. Nothing new (the very same file again) writes
 * only the audit row, so people can see it was tried.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { parseStatement, type KeyedLine } from './parse/parse-statement.ts';
import { layoutOf, statementCenter, statementFileInput } from './shared.ts';
import { storedLineKeys } from './stored-keys.ts';

export const importStatementInput = z.object(statementFileInput);
export type ImportStatementInput = z.input<typeof importStatementInput>;

export interface StatementImportResult {
  /** Null when nothing was new. */
  importId: string | null;
  lineCount: number;
  addedCount: number;
}

/**
 * One INSERT … SELECT FROM unnest(…) for all the new lines: a month of a busy center (ten
 * thousand lines) in one statement of twelve array parameters, where Prisma's createMany
 * sends tens of thousands of parameters in batches (five seconds on the embedded database).
 * Ids are random UUIDs (no cuid generator outside Prisma's client); nothing reads them as cuids.
 * ON CONFLICT keeps the unique index the last word, should a line slip past the check above.
 */
async function insertLines(tx: Tx, centerId: string, accountNo: string, importId: string, lines: readonly KeyedLine[]): Promise<number> {
  const col = <T>(f: (l: KeyedLine) => T) => lines.map(f);
  return tx.$executeRaw`
    INSERT INTO "StatementLine" ("id", "centerId", "accountNo", "lineKey", "importId", "rowNo", "bookedOn", "direction", "amountRial", "balanceRial", "traceNumber", "cardLast4", "description")
    SELECT gen_random_uuid()::text, ${centerId}, ${accountNo}, t.key, ${importId}, t.row, t.day, t.direction::"StatementDirection", t.amount, t.balance, t.trace, t.card, t.description
    FROM unnest(${col((l) => l.lineKey)}::text[], ${col((l) => l.rowNo)}::int[], ${col((l) => l.bookedOn.toISOString().slice(0, 10))}::date[],
                ${col((l) => l.direction)}::text[], ${col((l) => l.amountRial.toString())}::bigint[], ${col((l) => l.balanceRial?.toString() ?? null)}::bigint[],
                ${col((l) => l.traceNumber)}::text[], ${col((l) => l.cardLast4)}::text[], ${col((l) => l.description)}::text[])
      AS t(key, row, day, direction, amount, balance, trace, card, description)
    ON CONFLICT ("accountNo", "lineKey") DO NOTHING`;
}

export async function importStatement(ctx: Ctx, actor: Actor, raw: ImportStatementInput): Promise<StatementImportResult> {
  const input = parseInput(importStatementInput, raw);
  // Who may, and how to read it, before the (possibly long) parse.
  const checked = await statementCenter(ctx.tx ?? ctx.db, actor, input.centerId);
  const layout = await layoutOf(ctx.tx ?? ctx.db, input);
  if (!layout) throw new DomainError('STATEMENT_LAYOUT_REQUIRED', { field: 'presetId' });
  const parsed = await parseStatement(input.file, layout.mapping, ctx.settings.maxAmountRial);
  if (parsed.lines.length === 0) throw new DomainError('STATEMENT_NO_LINES', { field: 'file' });

  return inTransaction(ctx, async (tx) => {
    // Read again inside the transaction: the account may have changed since.
    const center = await statementCenter(tx, actor, checked.id);
    const accountNo = center.sandoghAccountNo;
    await lockKey(tx, `statement-account:${accountNo}`);
    const stored = await storedLineKeys(tx, { centerId: center.id, accountNo }, parsed.lines);
    const fresh = parsed.lines.filter((l) => !stored.has(l.lineKey));
    const days = parsed.lines.map((l) => l.bookedOn.getTime());
    const summary = { fileName: input.fileName, sha256: parsed.sha256, layout: layout.name, lines: parsed.lines.length, added: fresh.length };

    if (fresh.length === 0) {
      await audit(tx, actor, { action: 'statement.import', entity: 'Center', entityId: center.id, after: summary });
      return { importId: null, lineCount: parsed.lines.length, addedCount: 0 };
    }
    const created = await tx.statementImport.create({
      data: {
        centerId: center.id,
        accountNo,
        fileName: input.fileName,
        fileSha256: parsed.sha256,
        layoutName: layout.name,
        lineCount: parsed.lines.length,
        addedCount: fresh.length,
        firstDay: new Date(Math.min(...days)),
        lastDay: new Date(Math.max(...days)),
      },
    });
    const inserted = await insertLines(tx, center.id, accountNo, created.id, fresh);
    // The unique index has the last word (a line of this account stored under another center).
    if (inserted !== fresh.length) {
      await tx.statementImport.update({ where: { id: created.id }, data: { addedCount: inserted } });
      summary.added = inserted;
    }
    await audit(tx, actor, { action: 'statement.import', entity: 'StatementImport', entityId: created.id, after: summary });
    return { importId: created.id, lineCount: parsed.lines.length, addedCount: inserted };
  });
}
