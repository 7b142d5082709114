/**
 * Uploading a center's Sandogh statement: the preview stores nothing; the lines are stored
 * once however often (and in whichever shape) the statement comes again; a malformed file
 * stores nothing; who may upload.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core/index.ts';
import { isDomainError } from '../../../core/errors.ts';
import { trusteeActor, staffActor } from '../../../fixtures/actors.ts';
import { createCenter, createCounty } from '../../../fixtures/factories.ts';
import { gregorianCsv, headerBlockXlsx, jalaliPersianXlsx, SAMPLE_STATEMENT } from '../../../fixtures/statement-files.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { fakeClock, givingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function counts(centerId: string) {
  const db = database.db;
  return {
    lines: await db.statementLine.count({ where: { centerId } }),
    imports: await db.statementImport.count({ where: { centerId } }),
    audits: await db.auditLog.count({ where: { action: 'statement.import' } }),
  };
}

describe('importing a statement', () => {
  it('previews without storing, stores each line once, and the other shapes of the same statement add nothing', async () => {
    const db = database.db;
    const core = createCore({ db, clock: fakeClock });
    const w = await givingWorld(db);
    const file = await jalaliPersianXlsx(SAMPLE_STATEMENT);
    const upload = { centerId: w.center.id, fileName: 'گردش آذر.xlsx', file, presetId: 'example:sandogh-web' };

    const preview = await core.statements.previewStatement(w.finance, upload);
    if (preview.needsLayout) throw new Error('the example layout reads the file');
    expect(preview.totals).toMatchObject({ lines: 5, credits: 3, debits: 2, creditRial: 31_200_000n, debitRial: 30_150_000n, newLines: 5 });
    expect(await counts(w.center.id)).toEqual({ lines: 0, imports: 0, audits: 0 });

    const first = await core.statements.importStatement(w.finance, upload);
    expect(first).toMatchObject({ lineCount: 5, addedCount: 5, importId: expect.any(String) });
    const stored = await db.statementLine.findMany({ where: { centerId: w.center.id }, orderBy: { rowNo: 'asc' } });
    expect(stored.map((l) => [l.direction, l.amountRial, l.accountNo])).toEqual([
      ['CREDIT', 25_000_000n, w.center.sandoghAccountNo],
      ['DEBIT', 150_000n, w.center.sandoghAccountNo],
      ['CREDIT', 5_000_000n, w.center.sandoghAccountNo],
      ['CREDIT', 1_200_000n, w.center.sandoghAccountNo],
      ['DEBIT', 30_000_000n, w.center.sandoghAccountNo],
    ]);

    // The same file again, then the csv and the header-block shapes of the same statement.
    expect(await core.statements.importStatement(w.finance, upload)).toEqual({ importId: null, lineCount: 5, addedCount: 0 });
    expect(await core.statements.importStatement(w.staff, { ...upload, file: gregorianCsv(SAMPLE_STATEMENT), presetId: 'example:latin-csv' })).toMatchObject({ addedCount: 0 });
    expect(await core.statements.importStatement(w.finance, { ...upload, file: await headerBlockXlsx(SAMPLE_STATEMENT), presetId: 'example:sandogh-excel' })).toMatchObject({ addedCount: 0 });
    expect(await counts(w.center.id)).toEqual({ lines: 5, imports: 1, audits: 4 });

    const again = await core.statements.previewStatement(w.finance, upload);
    expect(again.needsLayout === false && again.totals.newLines).toBe(0);

    // A statement running on two more days adds just those.
    const longer = [...SAMPLE_STATEMENT, { day: new Date('2026-11-27T00:00:00Z'), credit: 7_000_000n, trace: '700700', balance: 108_050_000n }];
    expect(await core.statements.importStatement(w.finance, { ...upload, file: await jalaliPersianXlsx(longer) })).toMatchObject({ lineCount: 6, addedCount: 1 });
  });

  it('a malformed file is refused with its reason and stores nothing', async () => {
    const db = database.db;
    const core = createCore({ db, clock: fakeClock });
    const w = await givingWorld(db);
    const before = await counts(w.center.id);
    const upload = (file: Uint8Array) => core.statements.importStatement(w.finance, { centerId: w.center.id, fileName: 'x', file, presetId: 'example:latin-csv' });
    const csv = (row: string) => Buffer.from(`Date,Reference,Credit,Debit,Balance,Description\n2026-11-22,1,"1,000",0,1000,ok\n${row}\n`);
    expect(await refusal(upload(csv('2026-11-23,2,"-5,000",0,1000,negative')))).toBe('STATEMENT_NEGATIVE_AMOUNT');
    expect(await refusal(upload(csv('2026-11-23,2,"90,000,000,000,000,000",0,1000,absurd')))).toBe('STATEMENT_AMOUNT_OUT_OF_RANGE');
    expect(await refusal(upload(Buffer.alloc(0)))).toBe('STATEMENT_FILE_EMPTY');
    // Its sentence names the limit: «بزرگ‌تر از ۱۰ مگابایت».
    await expect(upload(Buffer.alloc(50 * 1024 * 1024, 0x41))).rejects.toMatchObject({ code: 'STATEMENT_FILE_TOO_LARGE', params: { max: 10 } });
    expect(await refusal(upload(Buffer.from('%PDF-1.4 statement')))).toBe('STATEMENT_FILE_TYPE');
    expect(await refusal(upload(Buffer.from('Date,Reference,Credit,Debit,Balance,Description\nجمع,,,,,\n')))).toBe('STATEMENT_NO_LINES');
    expect(await counts(w.center.id)).toEqual(before);
  });

  it('without a layout, the preview offers the file\'s columns to map', async () => {
    const db = database.db;
    const core = createCore({ db, clock: fakeClock });
    const w = await givingWorld(db);
    const file = gregorianCsv(SAMPLE_STATEMENT);
    const bare = await core.statements.previewStatement(w.finance, { centerId: w.center.id, fileName: 'a.csv', file });
    expect(bare).toEqual({ needsLayout: true, columns: ['Date', 'Reference', 'Credit', 'Debit', 'Balance', 'Description'], missingColumn: null });
    const wrong = await core.statements.previewStatement(w.finance, { centerId: w.center.id, fileName: 'a.csv', file, presetId: 'example:sandogh-web' });
    expect(wrong).toMatchObject({ needsLayout: true, missingColumn: 'تاریخ / بستانکار' });
    // Mapped once and kept as the bank's preset, it reads the file.
    const preset = await core.statements.saveStatementPreset(w.finance, { name: 'بانک آزمون', mapping: { date: 'Date', credit: 'Credit', debit: 'Debit', trace: 'Reference' } });
    const mapped = await core.statements.previewStatement(w.finance, { centerId: w.center.id, fileName: 'a.csv', file, presetId: preset.id });
    expect(mapped.needsLayout === false && mapped.totals.lines).toBe(5);
    expect(await refusal(core.statements.saveStatementPreset(w.staff, { name: 'بانک آزمون', mapping: { date: 'D', credit: 'C' } }))).toBe('STATEMENT_PRESET_NAME_TAKEN');
    const { layouts, centers } = await core.statements.getStatementSetup(w.finance);
    expect(centers.map((c) => c.id)).toEqual([w.center.id]);
    expect(layouts.filter((l) => l.example).length).toBeGreaterThanOrEqual(3);
    expect(layouts.find((l) => l.id === preset.id)).toMatchObject({ example: false, name: 'بانک آزمون' });
  });

  it('the finance officer and the chair of the center and its county staff upload; other officers and other counties may not', async () => {
    const db = database.db;
    const core = createCore({ db, clock: fakeClock });
    const w = await givingWorld(db);
    const upload = { centerId: w.center.id, fileName: 'a.csv', file: gregorianCsv(SAMPLE_STATEMENT), presetId: 'example:latin-csv' };
    const chair = await trusteeActor(db, w.center.id, 'CHAIR');
    expect(await core.statements.importStatement(chair, upload)).toMatchObject({ addedCount: 5 });
    expect(await refusal(core.statements.importStatement(await trusteeActor(db, w.center.id, 'SOCIAL_WORK'), upload))).toBe('FORBIDDEN');
    expect(await refusal(core.statements.importStatement(await trusteeActor(db, w.center.id, 'DONORS_MEN'), upload))).toBe('FORBIDDEN');
    const otherCounty = await createCounty(db);
    expect(await refusal(core.statements.importStatement(await staffActor(db, 'COUNTY_STAFF', { countyId: otherCounty.id }), upload))).toBe('FORBIDDEN');
    expect(await refusal(core.statements.previewStatement(await staffActor(db, 'AUDITOR'), upload))).toBe('FORBIDDEN');
    // A center without its Sandogh account has no statement.
    const unlicensed = await createCenter(db, { countyId: w.county.id, licenseState: 'APPLIED' });
    expect(await refusal(core.statements.importStatement(w.staff, { ...upload, centerId: unlicensed.id }))).toBe('CENTER_HAS_NO_SANDOGH_ACCOUNT');
  });
});
