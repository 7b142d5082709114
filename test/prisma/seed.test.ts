/**
 * The demo seed: idempotent, matches what the demo promises, keeps the database invariants
 * (receipt numbers gap-free per center), and refuses a database holding non-demo data
 * unless forced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../core/security/password.ts';
import { trusteeActorsOf } from '../../core/trustees/acting-chair.ts';
import type { Database, Db } from '../../prisma/client.ts';
import { LicenseState, PledgeState, StaffRole, TrusteeRole } from '../../prisma/generated/client/client.ts';
import { createCenter, createDonor } from '../../fixtures/factories.ts';
import { DemoSeedRefusedError, seedDemo, seedDemoIfEmpty, type SeedDemoResult } from '../../seed/index.ts';
import { formatJalali, isValidNationalId, isValidSheba } from '../../fixtures/values.ts';
import { createTestDatabase } from '../helpers/db.ts';

const MAIN_ROLES: TrusteeRole[] = ['CHAIR', 'VICE_CHAIR', 'ADMIN_FINANCE', 'DONORS_MEN', 'DONORS_WOMEN', 'ORGANIZATIONS'];

/** Row count of every table of the schema, in one query. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;
  const sql = tables.map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM "${t.name}"`).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ name: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

function parseLogin(line: string): { username: string; password: string; role: string } {
  const m = /^(\S+) \/ (\S+) \((\w+)\)$/.exec(line);
  if (!m) throw new Error(`unexpected login line: ${line}`);
  return { username: m[1]!, password: m[2]!, role: m[3]! };
}

describe('demo seed on an empty database', () => {
  let database: Database;
  let db: Db;
  let first: SeedDemoResult;
  let countsAfterFirst: Record<string, number>;
  let firstRunMs: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const started = performance.now();
    const seeded = await seedDemoIfEmpty(db);
    firstRunMs = performance.now() - started;
    if (!seeded) throw new Error('seedDemoIfEmpty did not seed an empty database');
    first = seeded;
    countsAfterFirst = await rowCounts(db);
  });
  afterAll(() => database.close());

  it('seeds within a few seconds and prints one login per staff role', () => {
    console.info(`demo seed (${database.kind}): ${Math.round(firstRunMs)} ms`);
    expect(firstRunMs).toBeLessThan(20_000);
    expect(first.logins.map((l) => parseLogin(l).role).sort()).toEqual([...Object.values(StaffRole)].sort());
    expect(first.logins).toContain('admin / demo-admin-1403 (PROVINCE_ADMIN)');
  });

  it('seeding again changes no row count and raises no error', async () => {
    const again = await seedDemo(db);
    expect(again.logins).toEqual(first.logins);
    expect(await rowCounts(db)).toEqual(countsAfterFirst);
    const forced = await seedDemo(db, { force: true });
    expect(forced.logins).toEqual(first.logins);
    expect(await rowCounts(db)).toEqual(countsAfterFirst);
  });

  it('every guarded row has a demo_ id', async () => {
    for (const rows of [
      await db.center.findMany({ select: { id: true } }),
      await db.donor.findMany({ select: { id: true } }),
      await db.person.findMany({ select: { id: true } }),
      await db.staffUser.findMany({ select: { id: true } }),
    ]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.id.startsWith('demo_')).toBe(true);
    }
  });

  it('has two counties and five centers in at least three license states', async () => {
    const counties = await db.county.findMany({ select: { name: true, province: { select: { name: true } } } });
    expect(counties.map((c) => c.name).sort()).toEqual(['مشهد', 'نیشابور'].sort());
    expect(new Set(counties.map((c) => c.province.name))).toEqual(new Set(['خراسان رضوی']));
    const centers = await db.center.findMany();
    expect(centers).toHaveLength(5);
    const states = new Set(centers.map((c) => c.licenseState));
    expect(states.size).toBeGreaterThanOrEqual(3);
    expect(states).toEqual(new Set<LicenseState>(['LICENSED', 'SUSPENDED', 'APPLIED']));
    expect(centers.filter((c) => c.licenseState === 'LICENSED')).toHaveLength(3);
    for (const c of centers) {
      if (c.licenseState === 'APPLIED') {
        expect(c.activityCode).toBeNull();
        continue;
      }
      expect(c.activityCode).toBeTruthy();
      expect(isValidSheba(c.sandoghSheba!)).toBe(true);
    }
  });

  it('appoints every main trustee role in every licensed center, but one chair seat left empty on purpose', async () => {
    const licensed = await db.center.findMany({ where: { licenseState: 'LICENSED' }, select: { id: true } });
    const chairless: string[] = [];
    for (const { id } of licensed) {
      const appointed = await db.trusteeMembership.findMany({
        where: { centerId: id, state: 'APPOINTED' },
        select: { role: true },
      });
      const roles = appointed.map((a) => a.role);
      if (!roles.includes('CHAIR')) chairless.push(id);
      for (const role of MAIN_ROLES.filter((r) => r !== 'CHAIR')) expect(roles.filter((r) => r === role)).toHaveLength(1);
      expect(roles.filter((r) => r === 'CHAIR').length).toBeLessThanOrEqual(1);
      expect(roles.some((r) => !MAIN_ROLES.includes(r))).toBe(true); // optional officers too
    }
    // One center shows the vice-chair acting for an absent chair: its chair resigned.
    expect(chairless).toHaveLength(1);
    const vice = await db.trusteeMembership.findFirstOrThrow({ where: { centerId: chairless[0], role: 'VICE_CHAIR', state: 'APPOINTED' } });
    const [acting] = await trusteeActorsOf(db, [vice]);
    expect(acting!.actsForChair).toBe(true);
  });

  it('has donors, volunteers in all six networks, and households with needs', async () => {
    expect(await db.donor.count()).toBeGreaterThanOrEqual(50);
    expect(await db.donor.count({ where: { type: 'LEGAL' } })).toBeGreaterThan(0);
    expect(await db.volunteer.count()).toBeGreaterThanOrEqual(20);
    const inNetworks = await db.networkMembership.findMany({
      where: { volunteerId: { not: null } },
      select: { volunteerId: true, network: { select: { kind: true } } },
    });
    expect(new Set(inNetworks.map((m) => m.volunteerId)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(inNetworks.map((m) => m.network.kind)).size).toBe(6);
    expect(await db.beneficiary.count()).toBeGreaterThanOrEqual(30);
    expect(await db.beneficiary.count({ where: { needs: { none: {} } } })).toBe(0);
  });

  it('has pledges in every state and donations in every state', async () => {
    const pledgeStates = await db.pledge.groupBy({ by: ['state'], _count: true });
    expect(new Set(pledgeStates.map((p) => p.state))).toEqual(new Set(Object.values(PledgeState)));
    expect(await db.pledge.count({ where: { schedule: 'MONTHLY' } })).toBeGreaterThan(0);
    expect(await db.pledge.count({ where: { schedule: 'ONE_TIME' } })).toBeGreaterThan(0);
    const donationStates = await db.donation.groupBy({ by: ['state'], _count: true });
    expect(new Set(donationStates.map((d) => d.state))).toEqual(new Set(['REPORTED', 'CONFIRMED', 'REJECTED', 'REVERSED']));
    const reversal = await db.donation.findFirstOrThrow({ where: { state: 'REVERSED' }, include: { reverses: true } });
    expect(reversal.reverses?.state).toBe('CONFIRMED');
    expect(reversal.amountRial).toBe(reversal.reverses?.amountRial);
    for (const r of await db.donation.findMany({ where: { state: 'REJECTED' } }))
      expect(r.rejectReason).toMatch(/[\u0600-\u06FF]/);
  });

  it('numbers receipts 1..n per center, matching the receipt counter', async () => {
    const counters = await db.receiptCounter.findMany();
    expect(counters.length).toBe(4);
    for (const counter of counters) {
      const receipts = await db.donation.findMany({
        where: { centerId: counter.centerId, state: 'CONFIRMED' },
        select: { receiptNo: true },
        orderBy: { receiptNo: 'asc' },
      });
      expect(receipts.length).toBeGreaterThan(0);
      expect(receipts.map((r) => r.receiptNo)).toEqual(receipts.map((_, i) => i + 1));
      expect(counter.lastNo).toBe(receipts.length);
    }
  });

  it('keeps monthly installments on the same Jalali day and paid amounts consistent', async () => {
    const monthly = await db.pledge.findMany({
      where: { schedule: 'MONTHLY' },
      include: { installments: { orderBy: { seq: 'asc' } } },
    });
    for (const p of monthly) {
      expect(p.installments).toHaveLength(p.installmentCount);
      const days = p.installments.map((i) => Number(formatJalali(i.dueOn, 'd')));
      if (days[0]! <= 29) expect(new Set(days)).toEqual(new Set([days[0]]));
      const months = p.installments.map((i) => formatJalali(i.dueOn, 'yyyy-MM'));
      expect(new Set(months).size).toBe(months.length);
      if (p.kind === 'CASH') expect(p.installments.reduce((s, i) => s + (i.scheduledAmountRial ?? 0n), 0n)).toBe(p.amountRial);
    }
    const paid = await db.pledgeInstallment.findMany({
      where: { state: { in: ['PAID', 'PARTIAL'] } },
      include: { donations: { where: { state: 'CONFIRMED' } } },
    });
    expect(paid.length).toBeGreaterThan(0);
    for (const i of paid) {
      expect(i.donations.length).toBe(1);
      if (i.scheduledAmountRial !== null) expect(i.donations[0]!.amountRial).toBe(i.paidAmountRial);
    }
  });

  it('stores valid national IDs and canonical mobiles', async () => {
    for (const p of await db.person.findMany()) {
      expect(isValidNationalId(p.nationalId!)).toBe(true);
      expect(p.mobile).toMatch(/^09[0-9]{9}$/);
    }
    for (const b of await db.beneficiary.findMany()) {
      if (b.headNationalId) expect(isValidNationalId(b.headNationalId)).toBe(true);
      expect(b.referenceCode).toMatch(/^B-(MSH|NSH)-[0-9]{4}$/);
    }
  });

  it("has one staff user per role; the finance login acts under the first center's finance officer", async () => {
    const users = await db.staffUser.findMany({ include: { trusteeMembership: true } });
    expect(users.map((u) => u.role).sort()).toEqual([...Object.values(StaffRole)].sort());
    const mashhad = users.find((u) => u.username === 'mashhad')!;
    expect((await db.county.findUniqueOrThrow({ where: { id: mashhad.countyId! } })).name).toBe('مشهد');
    const finance = users.find((u) => u.role === 'CENTER_TRUSTEE')!;
    expect(finance.trusteeMembership).toMatchObject({
      role: 'ADMIN_FINANCE',
      state: 'APPOINTED',
      centerId: 'demo_center_1',
      personId: finance.personId,
    });
  });

  it('the printed demo passwords log in; wrong ones do not', async () => {
    for (const line of first.logins) {
      const { username, password } = parseLogin(line);
      const user = await db.staffUser.findUniqueOrThrow({ where: { username } });
      expect(await verifyPassword(password, user.passwordHash)).toBe(true);
      expect(await verifyPassword(`${password}x`, user.passwordHash)).toBe(false);
    }
  });

  it('seedDemoIfEmpty leaves a seeded database alone', async () => {
    expect(await seedDemoIfEmpty(db)).toBeNull();
    expect(await rowCounts(db)).toEqual(countsAfterFirst);
  });
});

describe('demo seed on a database with non-demo data', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await createCenter(db);
  });
  afterAll(() => database.close());

  it('refuses without force, naming --force, and writes nothing', async () => {
    const before = await rowCounts(db);
    const error = await seedDemo(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoSeedRefusedError);
    expect((error as Error).message).toMatch(/non-demo data/);
    expect((error as Error).message).toContain('--force');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('seedDemoIfEmpty does not seed it', async () => {
    expect(await seedDemoIfEmpty(db)).toBeNull();
    expect(await db.center.count()).toBe(1);
  });

  it('forced, a clash with an existing row on another unique column fails clearly and writes nothing', async () => {
    // The demo's first legal donor has registration number 18452.
    const clash = await createDonor(db, { type: 'LEGAL', organizationRegNo: '18452' });
    const before = await rowCounts(db);
    await expect(seedDemo(db, { force: true })).rejects.toThrow(/clashes with existing Donor rows/);
    expect(await rowCounts(db)).toEqual(before);
    await db.donor.delete({ where: { id: clash.id } });
  });

  it('seeds with force, next to the existing center, and stays idempotent', async () => {
    const { logins } = await seedDemo(db, { force: true });
    expect(logins).toHaveLength(5);
    expect(await db.center.count()).toBe(6);
    const counts = await rowCounts(db);
    await seedDemo(db, { force: true });
    expect(await rowCounts(db)).toEqual(counts);
  });
});
