/**
 * The demo's sample statement can be worked at once, as the demo finance officer would in the
 * panel: its credits propose the reported gifts (by trace number, and one by card), a
 * near-miss and the strangers propose nothing, confirming the proposals goes through core,
 * and the month reconciles.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../core/index.ts';
import { tehranDay } from '../../core/statements/shared.ts';
import { loadCurrentAdmin } from '../../http/current-admin.ts';
import { seedDemo } from '../../seed/index.ts';
import { toJalali } from '../../core/jalali.ts';
import { useTestDatabase } from '../helpers/db.ts';

const database = useTestDatabase();

describe('the demo statement', () => {
  it('has matches, near-misses and strangers, and its proposals confirm through core', async () => {
    const db = database.db;
    await seedDemo(db, { force: true });
    const core = createCore({ db });
    const login = await loadCurrentAdmin(db, 'demo_staff_finance', 'fa');
    if (!login.ok) throw new Error('the demo finance login loads');
    const finance = login.admin.actor;
    const setup = await core.statements.getStatementSetup(finance);
    expect(setup.centers.map((c) => c.id)).toEqual(['demo_center_1']);

    const m = await core.statements.listStatementMatches(finance, { centerId: 'demo_center_1' });
    const reported = await db.donation.findMany({ where: { centerId: 'demo_center_1', kind: 'CASH', state: 'REPORTED', traceNumber: { not: null } } });
    const proposed = m.items.filter((i) => i.proposal);
    expect(proposed.map((i) => i.proposal!.gift.id).sort()).toEqual(reported.map((d) => d.id).sort());
    expect(proposed.filter((i) => i.proposal!.rule === 'TRACE').length).toBe(reported.length - 1);
    expect(proposed.filter((i) => i.proposal!.rule === 'CARD_DATE').length).toBe(1);
    expect(m.totals.none).toBeGreaterThanOrEqual(3); // the five-days-off near-miss and the two strangers
    expect(m.imports).toHaveLength(1);
    // Uploaded through core by the center's finance officer, as an audited upload.
    expect(await db.auditLog.count({ where: { action: 'statement.import', entityId: m.imports[0]!.id } })).toBe(1);

    const r = await core.statements.confirmStatementMatches(finance, {
      centerId: 'demo_center_1',
      matches: proposed.map((i) => ({ lineId: i.lineId, donationId: i.proposal!.gift.id })),
    });
    expect(r.refused).toEqual([]);
    expect(await db.donation.count({ where: { id: { in: reported.map((d) => d.id) }, state: 'CONFIRMED' } })).toBe(reported.length);

    const month = toJalali(new Date());
    const rec = await core.statements.getStatementReconciliation(finance, { centerId: 'demo_center_1', year: month.year, month: month.month });
    expect(rec.matched.length).toBeGreaterThan(0);
    expect(rec.creditsWithoutGift.length).toBeGreaterThan(0);
    // Every demo line lies in the last month (a day of the bank's calendar, never in the future).
    const lines = await db.statementLine.findMany({ where: { centerId: 'demo_center_1' } });
    expect(lines.every((l) => Math.floor(l.bookedOn.getTime() / 86_400_000) <= tehranDay(new Date()))).toBe(true);
  });
});
