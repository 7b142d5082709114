/**
 * Benchmark 5: a center's Jalali-month report and the province overview (the staff
 * overview and the panel's dashboard) over 5,000,000 donations, through core's own
 * use-cases. Target: each under 500 ms (median of several runs).
 *
 * The clock is set to the last day of the previous Jalali month, so "this month" of the
 * overview and dashboard is a whole month of data (the worst case), and the center's
 * report asks for that same month.
 */
import type { StaffActor } from '../core/actor.ts';
import { createCore } from '../core/index.ts';
import { jalaliMonthRange, toJalali } from '../core/jalali.ts';
import { createStaffUser } from '../fixtures/factories.ts';
import { benchCenterId, generateDonations } from './lib/generate-donations.ts';
import { median, timeRuns } from './lib/stats.ts';
import type { Benchmark, BenchRow } from './lib/types.ts';

const RUNS = 7;
const TARGET_MS = 500;
/** The 5M donations of the target at default scale (about 2.5 minutes to build on 2 cores); twice that with --full for headroom. */
const FULL_SIZE = 10_000_000;
const DEFAULT_SIZE = 5_000_000;

const round = (x: number) => Math.round(x * 100) / 100;

const reports: Benchmark = {
  id: '5-reports',
  title: 'Reports: a center’s Jalali month and the province overview',
  async run(ctx) {
    const size = ctx.scale === 'full' ? FULL_SIZE : DEFAULT_SIZE;
    const end = new Date();
    const database = await ctx.freshDatabase('reports');
    const data = await generateDonations(database.url, { donations: size, end, log: ctx.log });
    const user = await createStaffUser(database.db, { role: 'PROVINCE_ADMIN', provinceId: data.provinceId, username: 'bench_reports' });
    const actor: StaffActor = { kind: 'staff', staffUserId: user.id, personId: user.personId, role: 'PROVINCE_ADMIN', provinceId: user.provinceId, countyId: null };
    // The last instant of the previous Jalali month: "this month" is then a whole month.
    const today = toJalali(end);
    const { start: monthStart } = jalaliMonthRange(today.year, today.month);
    const clockNow = new Date(monthStart.getTime() - 60_000);
    const month = toJalali(clockNow);
    const core = createCore({ db: database.db, clock: { now: () => clockNow } });
    const centerId = benchCenterId(3);

    const cases: { name: string; fn: () => Promise<unknown> }[] = [
      { name: 'center Jalali-month report', fn: () => core.reports.getCenterMonthReport(actor, { centerId, year: month.year, month: month.month }) },
      { name: 'province overview (getOverview)', fn: () => core.reports.getOverview(actor, {}) },
      { name: 'province dashboard (getDashboard)', fn: () => core.reports.getDashboard(actor, {}) },
    ];
    const note = `${(data.donations / 1e6).toFixed(2)}M donations over 24 months in ${data.centerIds.length} centers` +
      (size < FULL_SIZE ? '; default scale (the issue\'s 5M)' : '; --full: twice the issue\'s 5M');
    const rows: BenchRow[] = [];
    for (const c of cases) {
      const runs = await timeRuns(c.fn, RUNS, 2);
      const m = median(runs);
      ctx.log(`  ${c.name}: ${m.toFixed(1)} ms`);
      rows.push({ name: c.name, value: round(m), unit: 'ms', target: `< ${TARGET_MS} ms`, pass: m < TARGET_MS, runs: runs.map(round), note });
    }
    return rows;
  },
};

export default reports;
