/**
 * A Sandogh account statement for each licensed demo center, uploaded through core by its
 * finance officer late yesterday (the last month's export), so Donation → Bank statements has
 * work at once. Built from the gifts as they stand at that moment:
 *   - credits matching the reported gifts by trace number (the bank writes it with zeros);
 *   - a near-miss: the last reported gift's transfer under the bank's own reference, a day
 *     later, with the donor's masked card in the description (proposed by amount, day, card);
 *   - another near-miss: a reported gift's amount five days off (not proposed);
 *   - the month's confirmed gifts on the statement (the reconciliation pairs them);
 *   - strangers: the mosque's cash box paid in at the branch (with a reference: recordable as
 *     an anonymous gift) and a cash deposit without one; and a bank fee going out.
 * The reported gifts stay for the demo's visitor to confirm. Its own random sequence.
 */
import type { Prisma } from '../../prisma/generated/client/client.ts';
import { jalaliCsv, type StatementFileLine } from '../../fixtures/statement-files.ts';
import { mulberry32 } from '../../fixtures/values.ts';
import type { Centers } from './centers.ts';
import { centerId, DAY_MS, type CenterNo, type Demo } from './context.ts';
import type { Boards } from './trustees.ts';

const SEED = 1405_09_01;
const TEHRAN_OFFSET_MS = 210 * 60_000;

/** The bank's calendar day of an instant in Tehran (UTC midnight of it). */
const bankDay = (at: Date, plusDays = 0) => new Date((Math.floor((at.getTime() + TEHRAN_OFFSET_MS) / DAY_MS) + plusDays) * DAY_MS);

type Gift = Pick<Prisma.DonationGetPayload<object>, 'amountRial' | 'traceNumber' | 'cardLast4' | 'paidAt' | 'state'>;

/** The statement's lines in the bank's order, with its running balance. */
function statementLines(rng: ReturnType<typeof mulberry32>, reported: Gift[], confirmed: Gift[], uploadDay: Date): StatementFileLine[] {
  const lines: StatementFileLine[] = [];
  const notAfter = (d: Date) => (d > uploadDay ? uploadDay : d);
  const credit = (day: Date, credit: bigint, trace: string | undefined, description: string, cardLast4?: string) =>
    lines.push({ day: notAfter(day), credit, trace, description, cardLast4 });
  const offset = (days: number) => new Date(uploadDay.getTime() + days * DAY_MS);

  reported.slice(0, -1).forEach((g) => credit(bankDay(g.paidAt, rng.int(0, 1)), g.amountRial!, `00${g.traceNumber}`, 'انتقال کارت به کارت'));
  const last = reported[reported.length - 1]!;
  credit(bankDay(last.paidAt, 1), last.amountRial!, `9${rng.digits(11)}`, 'انتقال وجه', last.cardLast4 ?? undefined);
  credit(bankDay(reported[0]!.paidAt, -5), reported[0]!.amountRial!, `8${rng.digits(11)}`, 'انتقال پایا');
  confirmed.forEach((g) => credit(bankDay(g.paidAt), g.amountRial!, g.traceNumber ?? undefined, 'انتقال کارت به کارت'));
  credit(offset(-12), 3_450_000n, `7${rng.digits(11)}`, 'واریز نقدی صندوق صدقات مسجد');
  credit(offset(-6), 1_200_000n, undefined, 'واریز نقدی شعبه');
  lines.push({ day: offset(-20), debit: 60_000n, trace: rng.digits(6), description: 'کارمزد خدمات بانکی' });

  lines.sort((a, b) => a.day.getTime() - b.day.getTime());
  let balance = BigInt(rng.int(200, 900)) * 1_000_000n;
  return lines.map((l) => {
    balance += (l.credit ?? 0n) - (l.debit ?? 0n);
    return { ...l, balance };
  });
}

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
      const file = jalaliCsv(statementLines(rng, reported, confirmed, bankDay(uploadedAt)));
      await core.statements.importStatement(officer, { centerId: centerId(no), fileName: `گردش حساب ${center.name} (نمونه).csv`, file, presetId: 'example:sandogh-web' });
    });
  }
}
