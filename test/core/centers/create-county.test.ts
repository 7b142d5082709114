/** The province office opens county offices; no one else does, and a name or code is not taken twice. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/index.ts';
import type { Database } from '../../../prisma/client.ts';
import { createProvince } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { createTestDatabase } from '../../helpers/db.ts';

let database: Database;
let core: Core;
beforeAll(async () => {
  database = await createTestDatabase();
  core = createCore({ db: database.db });
});
afterAll(() => database.close());

describe('createCounty', () => {
  it('a province admin opens one (code normalised), audited; the same name or code again is a conflict', async () => {
    const province = await createProvince(database.db);
    const admin = await staffActor(database.db, 'PROVINCE_ADMIN', { provinceId: province.id });
    const county = await core.centers.createCounty(admin, { provinceId: province.id, name: 'نیشابور', code: 'nsh۱' });
    expect(county).toMatchObject({ name: 'نیشابور', code: 'NSH1' });
    expect(await database.db.auditLog.count({ where: { entityId: county.id, action: 'county.create' } })).toBe(1);
    await expect(core.centers.createCounty(admin, { provinceId: province.id, name: 'نیشابور' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.centers.createCounty(admin, { provinceId: province.id, name: 'سبزوار', code: 'NSH1' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a supervisor or county staff may not', async () => {
    const province = await createProvince(database.db);
    for (const role of ['PROVINCE_SUPERVISOR', 'AUDITOR'] as const) {
      const actor = await staffActor(database.db, role, { provinceId: province.id });
      await expect(core.centers.createCounty(actor, { provinceId: province.id, name: `x ${role}` })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await database.db.county.count({ where: { provinceId: province.id } })).toBe(0);
  });
});
