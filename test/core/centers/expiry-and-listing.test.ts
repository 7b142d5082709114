/**
 * The daily expiry job (by Tehran's calendar day, with a fake clock) and the
 * list of centers offered to donors (LICENSED only, Persian-normalised search).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../prisma/client.ts';
import { expireLicenses } from '../../../core/centers/expire-licenses.ts';
import { listLicensedCenters } from '../../../core/centers/list-licensed-centers.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { donorActor, trusteeActor } from '../../../fixtures/actors.ts';
import { chairWithChat, createWorld, systemJob, testCtx, type World } from '../../helpers/centers.ts';

const database = useTestDatabase();
let db: Db;
let w: World;
beforeAll(async () => {
  db = database.db;
  w = await createWorld(db);
});

describe('expire licenses', () => {
  it('expires LICENSED centers whose last valid day is before today in Tehran, and nothing else', async () => {
    const day = (s: string) => new Date(`${s}T00:00:00Z`);
    const yesterday = await createCenter(db, { countyId: w.countyA, licenseExpiresOn: day('2026-11-25') });
    const today = await createCenter(db, { countyId: w.countyA, licenseExpiresOn: day('2026-11-26') });
    const suspendedPast = await createCenter(db, { countyId: w.countyA, licenseState: 'SUSPENDED', licenseExpiresOn: day('2026-11-01') });
    const chair = await chairWithChat(db, yesterday.id);
    // 2026-11-25 21:00 UTC is already 26 Nov 00:30 in Tehran: yesterday's license is over.
    const result = await expireLicenses(testCtx(db, new Date('2026-11-25T21:00:00Z')), systemJob, {});
    expect(result.expired).toContain(yesterday.id);
    expect(result.expired).not.toContain(today.id);
    expect(result.expired).not.toContain(suspendedPast.id);
    expect(await db.center.findUniqueOrThrow({ where: { id: yesterday.id } })).toMatchObject({
      licenseState: 'EXPIRED',
      expiredAt: new Date('2026-11-25T21:00:00Z'),
    });
    expect((await db.center.findUniqueOrThrow({ where: { id: today.id } })).licenseState).toBe('LICENSED');
    expect((await db.center.findUniqueOrThrow({ where: { id: suspendedPast.id } })).licenseState).toBe('SUSPENDED');
    expect(await db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: yesterday.id } })).toMatchObject({
      kind: 'EXPIRED',
      fromState: 'LICENSED',
      actorId: null,
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: yesterday.id } })).toMatchObject({ action: 'license.expired', actorType: 'SYSTEM' });
    expect(await db.outboxMessage.count({ where: { chatAccountId: chair.chat.id, template: 'license.expired' } })).toBe(1);
  });
  it('a day later the other one expires; running twice changes nothing more', async () => {
    const ctx = testCtx(db, new Date('2026-11-27T08:00:00Z'));
    const first = await expireLicenses(ctx, systemJob, {});
    expect(first.expired.length).toBeGreaterThanOrEqual(1);
    expect(await expireLicenses(ctx, systemJob, {})).toEqual({ expired: [] });
  });
  it('is refused to county staff', async () => {
    await expect(expireLicenses(testCtx(db), w.staffA, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('centers offered to donors', () => {
  it('lists LICENSED centers only, by normalised name and county', async () => {
    const ctx = testCtx(db);
    const donor = await donorActor(db);
    const name = 'مرکز نیکوکاری مسجد کریمیه ۷';
    const licensed = await createCenter(db, { countyId: w.countyB, name });
    const arabic = await createCenter(db, { countyId: w.countyA, name: 'مركز نيكوكاري مسجد كريميه ۸' });
    for (const licenseState of ['APPLIED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'DISSOLVED', 'REJECTED'] as const)
      await createCenter(db, { countyId: w.countyB, name: `${name} ${licenseState}`, licenseState });
    // Typed with Arabic letters and Arabic-Indic digits.
    const found = await listLicensedCenters(ctx, donor, { query: 'كريميه ٧' });
    expect(found.map((c) => c.id)).toEqual([licensed.id]);
    const all = await listLicensedCenters(ctx, donor, { query: 'کریمیه' });
    expect(all.map((c) => c.id).sort()).toEqual([licensed.id, arabic.id].sort());
    expect((await listLicensedCenters(ctx, donor, { query: 'کریمیه', countyId: w.countyA })).map((c) => c.id)).toEqual([arabic.id]);
    const everything = await listLicensedCenters(ctx, donor, undefined);
    expect(everything.every((c) => c.activityCode)).toBe(true);
    const states = await db.center.findMany({ where: { id: { in: (await listLicensedCenters(ctx, donor, { limit: 100 })).map((c) => c.id) } } });
    expect(states.every((c) => c.licenseState === 'LICENSED')).toBe(true);
  });
  it('a suspended center drops out of the list and comes back when reinstated (state is read live)', async () => {
    const ctx = testCtx(db);
    const c = await createCenter(db, { countyId: w.countyA, name: 'مرکز تعلیقی یکتا' });
    const chair = await trusteeActor(db, c.id, 'CHAIR');
    expect(await listLicensedCenters(ctx, chair, { query: 'تعلیقی یکتا' })).toHaveLength(1);
    await db.center.update({ where: { id: c.id }, data: { licenseState: 'SUSPENDED', suspendedAt: new Date() } });
    expect(await listLicensedCenters(ctx, chair, { query: 'تعلیقی یکتا' })).toHaveLength(0);
    await db.center.update({ where: { id: c.id }, data: { licenseState: 'LICENSED', suspendedAt: null } });
    expect(await listLicensedCenters(ctx, chair, { query: 'تعلیقی یکتا' })).toHaveLength(1);
  });
});
