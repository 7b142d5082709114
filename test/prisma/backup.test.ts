/**
 * Backups of the embedded database (prisma/backup/): taken by the process that has it open
 * while it keeps writing, restored whole into a deleted or a live data folder, the same rows
 * and receipt counters after; a damaged file refused with the current data untouched; a swap
 * cut short finished by the next open; a backup before migrating, by the server and the tools;
 * the daily check and the pruning.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.ts';
import { recordDonation } from '../../core/giving/record-donation.ts';
import { backupFileName, listBackups, pruneBackups } from '../../prisma/backup/backup-files.ts';
import { backupIfDue } from '../../prisma/backup/daily-backups.ts';
import { BackupRejectedError, restoreBackup } from '../../prisma/backup/restore-backup.ts';
import { takeBackup, type BackupSettings } from '../../prisma/backup/take-backup.ts';
import { openDatabase, openToolDatabase, type Database, type Db } from '../../prisma/client.ts';
import { testDbKind } from '../helpers/db.ts';
import { givingCtx, givingWorld } from '../helpers/giving.ts';

let trace = 40_000_000;
/** A cash gift recorded by the finance officer: confirmed at once, with the center's next receipt number. */
const cashGift = (centerId: string) => ({ centerId, kind: 'CASH' as const, amountToman: 250_000, traceNumber: String(++trace), paidAt: '2026-11-24' });

/** What must survive a backup and a restore: the gifts with their receipt numbers, the counters, the audit trail. */
async function books(db: Db) {
  return {
    donations: await db.donation.findMany({ select: { id: true, state: true, receiptNo: true, amountRial: true }, orderBy: { id: 'asc' } }),
    counters: await db.receiptCounter.findMany({ orderBy: { centerId: 'asc' } }),
    audit: await db.auditLog.count({ where: { entity: 'Donation' } }),
  };
}

// The embedded database only: the PostgreSQL run of the suite would repeat exactly this (see the README for pg_dump).
describe.skipIf(testDbKind() === 'postgres')('embedded database backups (PGlite only; PostgreSQL is backed up with pg_dump)', () => {
  let root: string;
  let dataDir: string;
  let settings: BackupSettings;
  let database: Database | null = null;
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof givingWorld>>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'imdad-backup-'));
    dataDir = path.join(root, 'data', 'db');
    settings = { dir: path.join(root, 'data', 'backups'), keep: 7 };
    database = await openDatabase({ kind: 'pglite', dataDir });
    ctx = givingCtx(database.db);
    w = await givingWorld(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  let backup: string;
  let atBackup: Awaited<ReturnType<typeof books>>;

  it('a backup taken while the database is open restores, into a deleted data folder, the same gifts, receipt numbers and counters', async () => {
    for (let i = 0; i < 5; i++) await recordDonation(ctx, w.finance, cashGift(w.center.id));
    atBackup = await books(database!.db);
    expect(atBackup.counters).toEqual([{ centerId: w.center.id, lastNo: 5 }]);

    backup = await takeBackup(database!.pglite!, settings, 'manual');
    expect(path.dirname(backup)).toBe(settings.dir);
    await recordDonation(ctx, w.finance, cashGift(w.center.id)); // after the backup: not in it
    await database!.close();
    database = null;

    await rm(dataDir, { recursive: true, force: true });
    expect(await restoreBackup(backup, dataDir)).toMatchObject({ previous: null });
    database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await books(database.db)).toEqual(atBackup);
    // The counter goes on from the restored number: no gap, no number given twice.
    ctx = givingCtx(database.db);
    const next = await recordDonation(ctx, w.finance, cashGift(w.center.id));
    expect(next.receiptNo).toBe(6);
  });

  it('a backup taken during writes restores to a consistent state: every gift it holds has its receipt, counter and audit row', async () => {
    const before = await database!.db.donation.count();
    const total = 20;
    let written = 0;
    let backupDuring: Promise<string> | null = null;
    for (let i = 0; i < total; i++) {
      await recordDonation(ctx, w.finance, cashGift(w.center.id));
      // Mid-way, without waiting: the writes go on while it is taken.
      if (++written === 8) backupDuring = takeBackup(database!.pglite!, settings, 'daily');
    }
    const file = await backupDuring!;

    // Opened in memory (the restore itself is the first test's): PostgreSQL's recovery runs as it would.
    const copy = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([await readFile(file)], { type: 'application/x-gzip' }) }, { migrate: false });
    try {
      const restored = await books(copy.db);
      const gifts = restored.donations.length - before;
      expect(gifts).toBeGreaterThanOrEqual(8);
      expect(gifts).toBeLessThan(total);
      // Gap-free: the receipts are 1..n and the counter is n.
      const receipts = restored.donations.map((d) => d.receiptNo).sort((a, b) => a! - b!);
      expect(receipts).toEqual(receipts.map((_, i) => i + 1));
      expect(restored.counters).toEqual([{ centerId: w.center.id, lastNo: receipts.length }]);
      // Every gift with its audit row, in the same transaction; none without.
      const audited = await copy.db.auditLog.findMany({ where: { entity: 'Donation' }, select: { entityId: true }, distinct: ['entityId'] });
      expect(audited.map((a) => a.entityId).sort()).toEqual(restored.donations.map((d) => d.id).sort());
    } finally {
      await copy.close();
    }
  });

  it('refuses a damaged or foreign file and leaves the current data untouched', async () => {
    await database!.close();
    database = null;
    const filesBefore = readdirSync(path.dirname(dataDir)).sort();
    const good = await readFile(backup);
    const damaged = {
      'cut short': good.subarray(0, good.length >> 1),
      'one byte changed': Buffer.from(good.map((b, i) => (i === good.length >> 1 ? b ^ 0xff : b))),
      'not a database': gzipSync(Buffer.from('a spreadsheet, perhaps')),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      const file = path.join(root, `${what}.tar.gz`);
      await writeFile(file, bytes);
      await expect(restoreBackup(file, dataDir), what).rejects.toBeInstanceOf(BackupRejectedError);
    }
    // Nothing put aside, no half-loaded folder left, the lock released, the data as it was.
    expect(readdirSync(path.dirname(dataDir)).sort()).toEqual(filesBefore);
    database = await openDatabase({ kind: 'pglite', dataDir });
    expect((await books(database.db)).counters[0]!.lastNo).toBe(26);
  });

  it('restores over live data by putting it aside; a swap cut short by a crash is finished by the next open', async () => {
    await database!.close();
    database = null;
    const { previous } = await restoreBackup(backup, dataDir);
    expect(previous).toMatch(/db\.before-restore-/);
    expect(existsSync(path.join(previous!, 'PG_VERSION'))).toBe(true);

    // A crash after the data folder was put aside, before the restored one took its place:
    // the restored folder waits under its staging name, the marker says so.
    const staging = `${dataDir}.restore-12345`;
    await rename(dataDir, staging);
    await writeFile(`${dataDir}.restoring`, JSON.stringify({ staging, previous: `${dataDir}.before-restore-crash` }));
    database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await books(database.db)).toEqual(atBackup);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${dataDir}.restoring`)).toBe(false);
  });

  it('opening a database with pending migrations backs it up first', async () => {
    const [last] = await database!.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`);
    await database!.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1`, last!.id);
    await database!.close();
    database = null;
    let taken: string | null = null;
    // The backup is taken; then the test stops the open before the migration is applied again.
    const open = openDatabase({ kind: 'pglite', dataDir }, {
      beforeMigrating: async (pglite) => {
        taken = await takeBackup(pglite, settings, 'before-migration');
        throw new Error('stop here');
      },
    });
    await expect(open).rejects.toThrow('stop here');
    expect(taken).toMatch(/-before-migration\.tar\.gz$/);
  });

  it('so do the command-line tools (seed, create-admin) that migrate it', async () => {
    // The test above left the last migration pending again.
    const newestBefore = (await listBackups(settings.dir))[0]!.at;
    // Whether re-applying that migration succeeds is not what this test asks.
    const opened = await openToolDatabase({ kind: 'pglite', dataDir }, settings).catch(() => null);
    await opened?.close();
    const [newest] = await listBackups(settings.dir);
    expect(newest!.reason).toBe('before-migration');
    expect(newest!.at.getTime()).toBeGreaterThan(newestBefore.getTime());
  });
});

describe('backup files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'imdad-backup-files-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the daily check takes one only when the newest is a day old, and only the newest N are kept', async () => {
    const now = new Date('2026-11-26T08:00:00.000Z');
    let taken = 0;
    const take = async () => {
      taken++;
      return 'taken';
    };
    expect(await backupIfDue(dir, take, now)).toBe('taken'); // none yet

    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    for (const [h, reason] of [[30, 'daily'], [60, 'daily'], [90, 'manual'], [100, 'before-migration']] as const) {
      await writeFile(path.join(dir, backupFileName(hoursAgo(h), reason)), 'x');
    }
    await writeFile(path.join(dir, 'notes.txt'), 'not a backup');
    await writeFile(path.join(dir, `${backupFileName(hoursAgo(1), 'daily')}.part`), 'cut short');
    expect(await backupIfDue(dir, take, now)).toBe('taken'); // the newest is 30 h old
    await writeFile(path.join(dir, backupFileName(hoursAgo(2), 'manual')), 'x');
    expect(await backupIfDue(dir, take, now)).toBeNull(); // one 2 h old
    expect(taken).toBe(2);

    expect((await listBackups(dir)).map((b) => b.at)).toEqual([2, 30, 60, 90, 100].map(hoursAgo));
    const removed = await pruneBackups(dir, 2);
    expect(removed.map((f) => path.basename(f))).toEqual([
      backupFileName(hoursAgo(60), 'daily'),
      backupFileName(hoursAgo(90), 'manual'),
      backupFileName(hoursAgo(100), 'before-migration'),
    ]);
    expect(readdirSync(dir).sort()).toEqual([backupFileName(hoursAgo(2), 'manual'), backupFileName(hoursAgo(30), 'daily'), 'notes.txt'].sort());
  });
});
