/**
 * A Sandogh account statement for each licensed demo center, uploaded through core by its
 * finance officer late yesterday (the last month's export), so Donation → Bank statements has
 * work at once: core's sample statement (core/statements/sample-statement.ts: matches,
 * near-misses and strangers), the one a trustee also downloads from the page, built from the
 * gifts as they stand at that moment. The reported gifts stay for the demo's visitor to
 * confirm. Its own random sequence.
 */
import { bankDay, sampleStatementLines } from '../../core/statements/sample-statement.ts';
import { jalaliCsv } from '../../fixtures/statement-files.ts';
import { mulberry32 } from '../../fixtures/values.ts';
import type { Centers } from './centers.ts';
import { centerId, DAY_MS, type CenterNo, type Demo } from './context.ts';
import type { Boards } from './trustees.ts';

const SEED = 1405_09_01;

export function buildStatements(demo: Demo, centers: Centers, boards: Boards): void {
  const rng = mulberry32(SEED);
  // An hour before the seeding day began: after every gift of the demo's past.
  const uploadedAt = demo.past(demo.at(0, 0, 0));
  for (const no of [1, 2, 3, 4, 5] as CenterNo[]) {
    if (!centers.accountOf(no)) continue;
    demo.later(uploadedAt, async (core) => {
      // Licensed by then (the history licenses the centers through core), with a finance officer.
      const center = await core.ctx.db.center.findUniqueOrThrow({ where: { id: centerId(no) }, select: { name: true, licenseState: true } });
      if (center.licenseState !== 'LICENSED') return;
      const officer = boards.actor(no, 'ADMIN_FINANCE');
      const cash = await core.ctx.db.donation.findMany({
        where: { centerId: centerId(no), kind: 'CASH', traceNumber: { not: null }, state: { in: ['REPORTED', 'CONFIRMED'] }, reversedBy: { is: null } },
        select: { amountRial: true, traceNumber: true, cardLast4: true, paidAt: true, state: true },
        orderBy: { paidAt: 'asc' },
      });
      const reported = cash.filter((g) => g.state === 'REPORTED');
      const monthAgo = new Date(uploadedAt.getTime() - 30 * DAY_MS);
      const confirmed = cash.filter((g) => g.state === 'CONFIRMED' && g.paidAt >= monthAgo);
      if (!reported.length) return;
      const file = jalaliCsv(sampleStatementLines(rng, reported, confirmed, bankDay(uploadedAt)));
      await core.statements.importStatement(officer, { centerId: centerId(no), fileName: `گردش حساب ${center.name} (نمونه).csv`, file, presetId: 'example:sandogh-web' });
    });
  }
}
