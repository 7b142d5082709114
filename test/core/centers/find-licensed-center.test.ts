/** The bot's center lookups: a licensed center by activity code or id; counties that have one. */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core/index.ts';
import { createCenter, createCounty } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const database = useTestDatabase();

const chat = { kind: 'chat' as const, chatAccountId: 'none' };

describe('findLicensedCenter', () => {
  it('finds a licensed center by activity code (any case, any digits) or id', async () => {
    const core = createCore({ db: database.db });
    const county = await createCounty(database.db, { name: 'شهرستان کد' });
    const center = await createCenter(database.db, { countyId: county.id, activityCode: 'AB12-0007' });
    const byCode = await core.centers.findLicensedCenter(chat, { activityCode: 'ab۱۲-۰۰۰۷' });
    expect(byCode).toMatchObject({ id: center.id, name: center.name, countyName: 'شهرستان کد', activityCode: 'AB12-0007' });
    expect((await core.centers.findLicensedCenter(chat, { centerId: center.id })).id).toBe(center.id);
  });

  it('refuses an unknown code (NOT_FOUND) and a center without a license (CENTER_NOT_LICENSED)', async () => {
    const core = createCore({ db: database.db });
    const suspended = await createCenter(database.db, { licenseState: 'SUSPENDED' });
    await expect(core.centers.findLicensedCenter(chat, { activityCode: 'NOPE-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.centers.findLicensedCenter(chat, { activityCode: suspended.activityCode! })).rejects.toMatchObject({
      code: 'CENTER_NOT_LICENSED',
    });
    await expect(core.centers.findLicensedCenter(chat, { activityCode: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('listCenterCounties', () => {
  it('lists the counties with at least one licensed center, with their count', async () => {
    const core = createCore({ db: database.db });
    const two = await createCounty(database.db, { name: 'الف شهرستان با دو مرکز' });
    const none = await createCounty(database.db, { name: 'الف شهرستان بی‌مجوز' });
    await createCenter(database.db, { countyId: two.id });
    await createCenter(database.db, { countyId: two.id });
    await createCenter(database.db, { countyId: two.id, licenseState: 'APPLIED' });
    await createCenter(database.db, { countyId: none.id, licenseState: 'REVOKED' });
    const counties = await core.centers.listCenterCounties(chat);
    expect(counties.find((c) => c.id === two.id)).toEqual({ id: two.id, name: 'الف شهرستان با دو مرکز', licensedCenters: 2 });
    expect(counties.some((c) => c.id === none.id)).toBe(false);
  });
});
