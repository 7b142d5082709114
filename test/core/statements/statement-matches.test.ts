/**
 * From stored statement lines to confirmed gifts: each credit's proposal (why, how sure),
 * nothing confirmed until a person confirms, each confirmation through core's confirm path
 * (receipt, audit, the donor's message), a credit recorded as an anonymous gift, and the
 * month's reconciliation.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core/index.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { createDonation } from '../../../fixtures/factories.ts';
import { jalaliPersianXlsx, SAMPLE_STATEMENT } from '../../../fixtures/statement-files.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { fakeClock, givingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
const at = (iso: string) => new Date(iso);

/** A center with the sample statement stored and gifts reported against it (and some that look alike). */
async function world() {
  const db = database.db;
  const core = createCore({ db, clock: fakeClock });
  const w = await givingWorld(db);
  const centerId = w.center.id;
  await core.statements.importStatement(w.finance, { centerId, fileName: 'آذر.xlsx', file: await jalaliPersianXlsx(SAMPLE_STATEMENT), presetId: 'example:sandogh-web' });
  const lines = await db.statementLine.findMany({ where: { centerId }, orderBy: { rowNo: 'asc' } });
  const donorId = (await db.donor.findFirstOrThrow({ where: { personId: w.donor.personId } })).id;
  const gift = (o: Parameters<typeof createDonation>[1]) => createDonation(db, { donorId, ...o });
  const g = {
    // Line 1 (25,000,000, trace 000123456789, card 1234): the donor wrote the trace without its zeros.
    byTrace: await gift({ centerId, amountRial: 25_000_000n, traceNumber: '123456789', cardLast4: '1234', paidAt: at('2026-11-22T09:00:00Z') }),
    // Line 4 (1,200,000, bank reference 987654, card 9876): the donor typed another number, same card.
    byCard: await gift({ centerId, amountRial: 1_200_000n, traceNumber: '111222', cardLast4: '9876', paidAt: at('2026-11-23T16:00:00Z') }),
    // Line 3 (5,000,000, no trace, no card): one gift of that amount within two days.
    byAmount: await gift({ centerId, amountRial: 5_000_000n, traceNumber: null, cardLast4: null, paidAt: at('2026-11-24T07:00:00Z') }),
    // Look-alikes that must not be proposed: too early, another card, the same trace at another amount.
    tooEarly: await gift({ centerId, amountRial: 5_000_000n, traceNumber: null, cardLast4: null, paidAt: at('2026-11-19T07:00:00Z') }),
    otherCard: await gift({ centerId, amountRial: 1_200_000n, traceNumber: null, cardLast4: '5555', paidAt: at('2026-11-24T08:00:00Z') }),
    wrongAmount: await gift({ centerId, amountRial: 2_500_000n, traceNumber: '123456789', cardLast4: '1234', paidAt: at('2026-11-22T09:00:00Z') }),
  };
  return { core, w, centerId, lines, g };
}

describe('proposals', () => {
  it('trace number first, then card and day, then amount and day; look-alikes and debits are not proposed; nothing is confirmed by looking', async () => {
    const { core, w, centerId, lines, g } = await world();
    const m = await core.statements.listStatementMatches(w.finance, { centerId });
    expect(m.totals).toMatchObject({ openCredits: 3, high: 1, medium: 1, low: 1, none: 0 });
    const of = (rowNo: number) => m.items.find((i) => i.rowNo === rowNo)!.proposal;
    expect(of(2)).toMatchObject({ rule: 'TRACE', confidence: 'HIGH', dayGap: 0, gift: { id: g.byTrace.id, donorName: expect.any(String) } });
    expect(of(5)).toMatchObject({ rule: 'CARD_DATE', confidence: 'MEDIUM', traceDiffers: true, gift: { id: g.byCard.id } });
    expect(of(4)).toMatchObject({ rule: 'AMOUNT_DATE', confidence: 'LOW', dayGap: 1, gift: { id: g.byAmount.id } });
    expect(m.items.map((i) => i.lineId).sort()).toEqual(lines.filter((l) => l.direction === 'CREDIT').map((l) => l.id).sort());
    // The surest first.
    expect(m.items.map((i) => i.proposal?.confidence)).toEqual(['HIGH', 'MEDIUM', 'LOW']);
    expect(await database.db.donation.count({ where: { centerId, state: 'CONFIRMED' } })).toBe(0);
    expect(m.imports).toHaveLength(1);
  });
});

describe('confirming chosen matches', () => {
  it('confirms each through core (gap-free receipts, audit, the donor is told) and links its line; again, or by the chair, confirms nothing', async () => {
    const { core, w, centerId, g } = await world();
    const db = database.db;
    const m = await core.statements.listStatementMatches(w.finance, { centerId });
    const chosen = m.items.map((i) => ({ lineId: i.lineId, donationId: i.proposal!.gift.id }));

    const chair = await trusteeActor(db, centerId, 'CHAIR');
    await expect(core.statements.confirmStatementMatches(chair, { centerId, matches: chosen })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.donation.count({ where: { centerId, state: 'CONFIRMED' } })).toBe(0);

    const result = await core.statements.confirmStatementMatches(w.finance, { centerId, matches: chosen });
    expect(result.refused).toEqual([]);
    expect(result.confirmed.map((c) => c.receiptNo).sort()).toEqual([1, 2, 3]);
    for (const id of [g.byTrace.id, g.byCard.id, g.byAmount.id]) {
      expect(await db.donation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'CONFIRMED', receiptNo: expect.any(Number) });
      expect(await db.auditLog.count({ where: { action: 'donation.confirm', entityId: id } })).toBe(1);
      expect(await db.outboxMessage.count({ where: { template: 'donation.confirmed', dedupeKey: { startsWith: `donation.confirmed:${id}:` } } })).toBe(1);
      expect(await db.statementLine.count({ where: { donationId: id } })).toBe(1);
    }
    expect(await db.auditLog.count({ where: { action: 'statement.match' } })).toBeGreaterThanOrEqual(3);
    for (const id of [g.tooEarly.id, g.otherCard.id, g.wrongAmount.id]) expect((await db.donation.findUniqueOrThrow({ where: { id } })).state).toBe('REPORTED');

    const again = await core.statements.confirmStatementMatches(w.finance, { centerId, matches: chosen });
    expect(again.confirmed).toEqual([]);
    expect(again.refused.map((r) => r.code)).toEqual(['STATEMENT_LINE_ALREADY_MATCHED', 'STATEMENT_LINE_ALREADY_MATCHED', 'STATEMENT_LINE_ALREADY_MATCHED']);
    expect((await db.receiptCounter.findUniqueOrThrow({ where: { centerId } })).lastNo).toBe(3);
    expect((await core.statements.listStatementMatches(w.finance, { centerId })).totals.openCredits).toBe(0);
  });

  it('a pair whose amounts differ, or whose gift is of another center, is refused and confirms nothing', async () => {
    const { core, w, centerId, lines, g } = await world();
    const db = database.db;
    const line25m = lines.find((l) => l.amountRial === 25_000_000n)!;
    const foreign = await createDonation(db, { centerId: (await givingWorld(db)).center.id, amountRial: 25_000_000n });
    const r = await core.statements.confirmStatementMatches(w.staff, {
      centerId,
      matches: [
        { lineId: line25m.id, donationId: g.wrongAmount.id },
        { lineId: lines[2]!.id, donationId: foreign.id },
      ],
    });
    expect(r.confirmed).toEqual([]);
    expect(r.refused.map((x) => x.code).sort()).toEqual(['NOT_FOUND', 'STATEMENT_MATCH_AMOUNT_DIFFERS']);
    expect(await db.donation.count({ where: { state: 'CONFIRMED', id: { in: [g.wrongAmount.id, foreign.id] } } })).toBe(0);
    expect(await db.statementLine.count({ where: { centerId, donationId: { not: null } } })).toBe(0);
  });
});

describe('a credit no gift accounts for', () => {
  it('is recorded as an anonymous gift to the chosen fund: confirmed at once by the finance officer, waiting when the chair records it', async () => {
    const { core, w, centerId, lines } = await world();
    const db = database.db;
    const [credit25m] = lines.filter((l) => l.amountRial === 25_000_000n);
    const gift = await core.statements.recordStatementCredit(w.finance, { lineId: credit25m!.id, fund: 'ZAKAT' });
    expect(gift).toMatchObject({ state: 'CONFIRMED', donorId: null, fund: 'ZAKAT', amountRial: 25_000_000n, traceNumber: '000123456789', receiptNo: 1 });
    expect((await db.statementLine.findUniqueOrThrow({ where: { id: credit25m!.id } })).donationId).toBe(gift.id);
    await expect(core.statements.recordStatementCredit(w.finance, { lineId: credit25m!.id })).rejects.toMatchObject({ code: 'STATEMENT_LINE_ALREADY_MATCHED' });

    const chair = await trusteeActor(db, centerId, 'CHAIR');
    const credit1m2 = lines.find((l) => l.amountRial === 1_200_000n)!;
    const waiting = await core.statements.recordStatementCredit(chair, { lineId: credit1m2.id, fund: 'GENERAL' });
    expect(waiting).toMatchObject({ state: 'REPORTED', receiptNo: null });
    // A debit is no gift to record; a credit without a trace number is, its line the proof.
    const debit = lines.find((l) => l.direction === 'DEBIT')!;
    await expect(core.statements.recordStatementCredit(w.finance, { lineId: debit.id })).rejects.toMatchObject({ code: 'STATEMENT_LINE_NOT_CREDIT' });
    const noTrace = lines.find((l) => l.amountRial === 5_000_000n)!;
    const atBranch = await core.statements.recordStatementCredit(w.finance, { lineId: noTrace.id });
    expect(atBranch).toMatchObject({ state: 'CONFIRMED', amountRial: 5_000_000n, traceNumber: `stmt:${noTrace.id.replace(/-/g, '')}` });
  });
});

describe('the month reconciled', () => {
  it('pairs credits with confirmed gifts (linked, or by the rules) and lists what stays alone on either side', async () => {
    const { core, w, centerId, lines, g } = await world();
    const db = database.db;
    // Confirmed through its line; another confirmed from the review queue (not linked); one not on the statement.
    const line25m = lines.find((l) => l.amountRial === 25_000_000n)!;
    await core.statements.confirmStatementMatches(w.finance, { centerId, matches: [{ lineId: line25m.id, donationId: g.byTrace.id }] });
    await core.giving.confirmDonation(w.finance, { donationId: g.byCard.id });
    // Confirmed from the review queue, its credit is no open money: shown with its receipt, not offered to record.
    const open = await core.statements.listStatementMatches(w.finance, { centerId });
    const byCardReceipt = (await db.donation.findUniqueOrThrow({ where: { id: g.byCard.id } })).receiptNo;
    expect(open.items.find((i) => i.amountRial === 1_200_000n)).toMatchObject({ proposal: null, confirmedGift: { id: g.byCard.id, receiptNo: byCardReceipt, rule: 'CARD_DATE' } });
    expect(open.totals.alreadyConfirmed).toBe(1);
    const notOnStatement = await createDonation(db, { centerId, state: 'CONFIRMED', amountRial: 800_000n, paidAt: at('2026-11-25T10:00:00Z') });
    // Azar 1405 is 2026-11-22 .. 2026-12-21.
    const r = await core.statements.getStatementReconciliation(w.finance, { centerId, year: 1405, month: 9 });
    expect(r.totals).toEqual({ creditCount: 3, creditRial: 31_200_000n, confirmedCount: 3, confirmedRial: 27_000_000n, differenceRial: 4_200_000n });
    expect(r.matched.map((x) => [x.how, x.gift.donationId])).toEqual([
      ['LINKED', g.byTrace.id],
      ['CARD_DATE', g.byCard.id],
    ]);
    expect(r.creditsWithoutGift.map((c) => c.amountRial)).toEqual([5_000_000n]);
    expect(r.giftsNotOnStatement.map((x) => x.donationId)).toEqual([notOnStatement.id]);
    // Who may not read the funds may not read it.
    await expect(core.statements.getStatementReconciliation(await trusteeActor(db, centerId, 'SOCIAL_WORK'), { centerId, year: 1405, month: 9 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
