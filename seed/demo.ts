/**
 * Realistic Persian demo data for Khorasan Razavi: two counties, five centers across license
 * states, full boards, donors, volunteers in the six networks, households with needs, pledges
 * and donations in every state, distributions, employment plans, tasks, minutes, archive,
 * inspections, feedback, approvals, and one staff login per admin role. Each area is built in
 * its own file under seed/demo/ (seed/demo/build.ts lists them in order).
 *
 * The demo starts as rows (seed/demo/write.ts: people, centers as they applied, donors, gifts
 * as reported, ...) and everything that happened to them afterwards is played through core's
 * use-cases at its moment (seed/demo/replay.ts), so the demo holds only states core produced.
 * People, centers, donors and staff users have ids starting with `demo_`. All of it is
 * written in one transaction, once: a second run finds the demo and writes nothing, and what
 * the app later changes (a demo gift confirmed, a task done) is left as it is.
 */
import type { Db } from '../prisma/client.ts';
import type { Prisma } from '../prisma/generated/client/client.ts';
import { utcDay } from '../fixtures/values.ts';
import { buildDemoData } from './demo/build.ts';
import { centerId, staffId } from './demo/context.ts';
import { DEMO_LOGINS } from './demo/logins.ts';
import { replayDemo } from './demo/replay.ts';
import { writeDemoData } from './demo/write.ts';

export { DEMO_LOGINS, type DemoLogin } from './demo/logins.ts';

export const DEMO_ID_PREFIX = 'demo_';

export class DemoSeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoSeedRefusedError';
  }
}

export interface SeedDemoOptions {
  /** Seed even though the database holds non-demo centers, donors, people or staff users. */
  force?: boolean;
  /** The day the demo is built around (default: today). */
  today?: Date;
}

export interface SeedDemoResult {
  /** One line per demo login: `admin / demo-admin-1403 (PROVINCE_ADMIN)`. */
  logins: string[];
}

const PROVINCE_NAME = 'خراسان رضوی';

export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const force = options.force ?? false;
  if (!force) {
    const foreign = await countNonDemoRows(db);
    const labels = {
      centers: ['center', 'centers'],
      donors: ['donor', 'donors'],
      people: ['person', 'people'],
      staffUsers: ['staff user', 'staff users'],
    } as const;
    const parts = (Object.keys(labels) as (keyof typeof labels)[])
      .filter((k) => foreign[k] > 0)
      .map((k) => `${foreign[k]} ${labels[k][foreign[k] === 1 ? 0 : 1]}`);
    if (parts.length) {
      throw new DemoSeedRefusedError(
        `refusing to seed demo data: the database holds non-demo data (${parts.join(', ')}); ` +
          'run `npm run seed -- --force` to add the demo data anyway',
      );
    }
  }
  const today = utcDay(options.today ?? new Date());

  // Staff logins: step aside from usernames a real user already has.
  const staffIds = DEMO_LOGINS.map((l) => staffId(l.username));
  const takenNames = new Set(
    (
      await db.staffUser.findMany({
        where: { username: { in: DEMO_LOGINS.map((l) => l.username) }, id: { notIn: staffIds } },
        select: { username: true },
      })
    ).map((r) => r.username),
  );

  await db.$transaction(
    async (tx) => {
      const provinceId = await ensureProvince(tx);
      const countyIds = {
        MSH: await ensureCounty(tx, provinceId, 'demo_county_mashhad', 'مشهد', 'MSH'),
        NSH: await ensureCounty(tx, provinceId, 'demo_county_neyshabur', 'نیشابور', 'NSH'),
      };
      // Written once, with its history: a second run finds it and writes nothing.
      if (await tx.center.findUnique({ where: { id: centerId(1) }, select: { id: true } })) return;
      const { rows, steps } = buildDemoData(today, { provinceId, countyIds });
      for (const u of rows.staffUsers) if (takenNames.has(u.username)) u.username = `demo-${u.username}`;
      await writeDemoData(tx, rows, force);
      await replayDemo(tx, steps, rows.chatAccounts.map((c) => c.id!));
    },
    { maxWait: 20_000, timeout: 120_000 },
  );

  return { logins: await demoLoginLines(db) };
}

/** One line per demo login the database holds: `admin / demo-admin-1403 (PROVINCE_ADMIN)`. */
export async function demoLoginLines(db: Db): Promise<string[]> {
  const staffIds = DEMO_LOGINS.map((l) => staffId(l.username));
  const users = await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, username: true } });
  return DEMO_LOGINS.flatMap((l) => {
    const user = users.find((u) => u.id === staffId(l.username));
    return user ? [`${user.username} / ${l.password} (${l.role})`] : [];
  });
}

/** Seeds when the database has no center and no staff user at all (a first start); else null. */
export async function seedDemoIfEmpty(db: Db, options: Omit<SeedDemoOptions, 'force'> = {}): Promise<SeedDemoResult | null> {
  const [centers, staff] = await Promise.all([db.center.count(), db.staffUser.count()]);
  if (centers > 0 || staff > 0) return null;
  // Nothing to mix the demo with: people or donors alone do not make a working database.
  return seedDemo(db, { ...options, force: true });
}

/** Rows whose id does not start with `demo_`, per guarded table. */
export async function countNonDemoRows(db: Db): Promise<{ centers: number; donors: number; people: number; staffUsers: number }> {
  // Raw SQL: `startsWith` would be a LIKE, where '_' is a wildcard.
  const rows = await db.$queryRaw<{ centers: bigint; donors: bigint; people: bigint; staffUsers: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Center" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "centers",
      (SELECT count(*) FROM "Donor" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "donors",
      (SELECT count(*) FROM "Person" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "people",
      (SELECT count(*) FROM "StaffUser" WHERE left("id", 5) <> ${DEMO_ID_PREFIX}) AS "staffUsers"`;
  const r = rows[0]!;
  return { centers: Number(r.centers), donors: Number(r.donors), people: Number(r.people), staffUsers: Number(r.staffUsers) };
}

type Tx = Prisma.TransactionClient;

/** The province by name (a real one is reused when forced into a live database). */
async function ensureProvince(tx: Tx): Promise<string> {
  const found = await tx.province.findUnique({ where: { name: PROVINCE_NAME }, select: { id: true } });
  if (found) return found.id;
  return (
    await tx.province.create({
      data: { id: 'demo_province_khorasan_razavi', name: PROVINCE_NAME, code: 'KR' },
      select: { id: true },
    })
  ).id;
}

async function ensureCounty(tx: Tx, provinceId: string, id: string, name: string, code: string): Promise<string> {
  const found = await tx.county.findUnique({ where: { provinceId_name: { provinceId, name } }, select: { id: true } });
  if (found) return found.id;
  return (await tx.county.create({ data: { id, provinceId, name, code }, select: { id: true } })).id;
}
