/**
 * Benchmark 3: the panel's Donation list on 1,000,000 donations against the same list on
 * 10,000, through the real HTTP stack (Fastify inject, a logged-in province admin, the
 * list action AdminJS's own front end calls). Cases: page 1, page 1000, filtered by state
 * (the REPORTED queue, and CONFIRMED: nine gifts in ten), by center, and by one Jalali
 * month (the date filter's from/to).
 * Targets: 1M at most 1.5 times 10k per case, page 1 under 100 ms.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { jalaliMonthRange, toJalali } from '../core/jalali.ts';
import { SESSION_COOKIE } from '../http/cookie.ts';
import { createLogger } from '../logger.ts';
import { createStaffUser } from '../fixtures/factories.ts';
import type { BenchDatabase } from './lib/database.ts';
import { benchCenterId, generateDonations } from './lib/generate-donations.ts';
import { median, timeRuns } from './lib/stats.ts';
import type { Benchmark, BenchContext, BenchRow } from './lib/types.ts';

const RUNS = 7;
const SMALL = 10_000;
const LARGE = 1_000_000;
const RATIO_TARGET = 1.5;
const PAGE1_TARGET_MS = 100;
const BASE = '/admin/api/resources/Donation/actions/list';

interface ListCase {
  name: string;
  note?: string;
  query: (month: { from: string; to: string }) => Record<string, string>;
}

const CASES: ListCase[] = [
  { name: 'page 1', query: () => ({ page: '1' }) },
  { name: 'page 1000', query: () => ({ page: '1000' }) },
  // The queue awaiting a decision (the filter staff use daily) and the largest state.
  { name: 'filtered by state (REPORTED)', query: () => ({ page: '1', 'filters.state': 'REPORTED' }) },
  {
    name: 'filtered by state (CONFIRMED)',
    query: () => ({ page: '1', 'filters.state': 'CONFIRMED' }),
    note: 'the list total is read from DonationMonthTotal, not count(*) over ~900,000 rows',
  },
  { name: 'filtered by center', query: () => ({ page: '1', 'filters.center': benchCenterId(3) }) },
  { name: 'filtered by Jalali month', query: (m) => ({ page: '1', 'filters.paidAt.from': m.from, 'filters.paidAt.to': m.to }) },
];

/** The Jalali month a year before the data's newest day: fully inside both data sets. */
function benchMonth(end: Date): { from: string; to: string } {
  const j = toJalali(new Date(end.getTime() - 365 * 86_400_000));
  const { start, end: next } = jalaliMonthRange(j.year, j.month);
  // The panel's picker sends the month's first and last millisecond in Tehran.
  return { from: start.toISOString(), to: new Date(next.getTime() - 1).toISOString() };
}

async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username, password }).toString(),
  });
  const cookie = [res.headers['set-cookie'] ?? []].flat().map((h) => h.split(';')[0]!).find((p) => p.startsWith(`${SESSION_COOKIE}=`));
  if (res.statusCode !== 303 || !cookie) throw new Error(`bench login failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return cookie;
}

interface Target {
  size: number;
  app: FastifyInstance;
  cookie: string;
}

/** A database of `size` donations with the panel built over it and a province admin logged in. */
async function prepare(ctx: BenchContext, database: BenchDatabase, size: number, end: Date): Promise<Target> {
  await generateDonations(database.url, { donations: size, end, log: ctx.log });
  const user = await createStaffUser(database.db, { role: 'PROVINCE_ADMIN', provinceId: 'bp', username: `bench_admin_${size}` });
  const app = await buildApp({ database, logger: createLogger({ env: 'test', logLevel: 'silent' }), admin: { sessionSecret: 'bench-admin-session-secret-0123456789abcdef' } });
  await app.ready();
  return { size, app, cookie: await login(app, user.username, user.password) };
}

function request(target: Target, c: ListCase, month: { from: string; to: string }): () => Promise<void> {
  const url = `${BASE}?${new URLSearchParams(c.query(month))}`;
  return async () => {
    const res = await target.app.inject({ method: 'GET', url, headers: { cookie: target.cookie } });
    const body = res.json() as { records?: unknown[] };
    if (res.statusCode !== 200 || !body.records?.length) throw new Error(`${c.name} on ${target.size}: ${res.statusCode}, ${body.records?.length ?? 0} records`);
  };
}

/**
 * Each case's runs on both sizes, interleaved (small, large, small, ...) so that a burst of
 * load from another process on the shared machine hits both sides alike; warm-up first.
 */
async function measure(ctx: BenchContext, small: Target, large: Target, month: { from: string; to: string }) {
  const out = new Map<string, { small: number[]; large: number[] }>();
  for (const c of CASES) {
    const s = request(small, c, month);
    const l = request(large, c, month);
    await timeRuns(s, 0, 3);
    await timeRuns(l, 0, 3);
    const runs = { small: [] as number[], large: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      runs.small.push(...(await timeRuns(s, 1, 0)));
      runs.large.push(...(await timeRuns(l, 1, 0)));
    }
    out.set(c.name, runs);
    ctx.log(`  ${c.name}: 10k ${median(runs.small).toFixed(1)} ms, 1M ${median(runs.large).toFixed(1)} ms`);
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

const adminList: Benchmark = {
  id: '3-admin-list',
  title: 'Admin donation list: 1,000,000 vs 10,000 donations',
  async run(ctx) {
    const end = new Date();
    const targets: Target[] = [];
    try {
      const small = await prepare(ctx, await ctx.freshDatabase('admin_list_10k'), SMALL, end);
      targets.push(small);
      const large = await prepare(ctx, await ctx.freshDatabase('admin_list_1m'), LARGE, end);
      targets.push(large);
      return report(await measure(ctx, small, large, benchMonth(end)));
    } finally {
      for (const t of targets) await t.app.close();
    }
  },
};

function report(measured: Map<string, { small: number[]; large: number[] }>): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    const s = median(measured.get(c.name)!.small);
    const runs = measured.get(c.name)!.large;
    const l = median(runs);
    const ratio = l / s;
    rows.push({
      name: `${c.name} (1M vs 10k)`,
      value: round(l),
      unit: 'ms',
      baseline: { name: `${c.name} on 10k`, value: round(s) },
      ratio: round(ratio),
      target: `1M ≤ ${RATIO_TARGET} × 10k`,
      pass: ratio <= RATIO_TARGET,
      runs: runs.map(round),
      ...(c.note ? { note: c.note } : {}),
    });
  }
  const page1 = measured.get('page 1')!.large;
  rows.push({
    name: 'page 1 on 1M (absolute)',
    value: round(median(page1)),
    unit: 'ms',
    target: `< ${PAGE1_TARGET_MS} ms`,
    pass: median(page1) < PAGE1_TARGET_MS,
    runs: page1.map(round),
    note: `median of ${RUNS} runs through Fastify inject with a logged-in province admin`,
  });
  return rows;
}

export default adminList;
