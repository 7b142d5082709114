/** A donor's note and an organisation's name, reworded through core: donor officers of the center and Imdad operators; audited. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { updateDonor } from '../../../core/giving/update-donor.ts';
import { createCenter, createDonor } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

describe('updateDonor', () => {
  it("rewords a note and an organisation's name, audited with what it was", async () => {
    const org = await createDonor(database.db, { type: 'LEGAL', recruitedByCenterId: w.center.id, note: 'قدیمی' });
    const officer = await trusteeActor(database.db, w.center.id, 'DONORS_WOMEN');
    const updated = await updateDonor(ctx, officer, { donorId: org.id, note: 'هر ماه تماس گرفته شود', organizationName: 'بنیاد نیکوکاری آزمون' });
    expect(updated).toMatchObject({ note: 'هر ماه تماس گرفته شود', organizationName: 'بنیاد نیکوکاری آزمون' });
    const log = await database.db.auditLog.findFirstOrThrow({ where: { action: 'donor.update', entityId: org.id } });
    expect(log.before).toMatchObject({ note: 'قدیمی', organizationName: org.organizationName });
    expect(log.after).toMatchObject({ note: 'هر ماه تماس گرفته شود' });
  });

  it("refuses an organisation name on a natural person, the finance officer and another county's staff; nothing written", async () => {
    const donor = await createDonor(database.db, { recruitedByCenterId: w.center.id });
    await expect(updateDonor(ctx, w.staff, { donorId: donor.id, organizationName: 'شرکت' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(updateDonor(ctx, w.finance, { donorId: donor.id, note: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await staffActor(database.db, 'COUNTY_STAFF', { countyId: (await createCenter(database.db)).countyId });
    await expect(updateDonor(ctx, foreign, { donorId: donor.id, note: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await database.db.donor.findUniqueOrThrow({ where: { id: donor.id } })).toMatchObject({ note: null, organizationName: null });
    expect(await database.db.auditLog.count({ where: { action: 'donor.update', entityId: donor.id } })).toBe(0);
  });

  it('clears a note sent empty (an edit form emptied), keeps one not sent, and refuses to empty an organisation\'s name', async () => {
    const org = await createDonor(database.db, { type: 'LEGAL', recruitedByCenterId: w.center.id, note: 'فقط پیامک' });
    await updateDonor(ctx, w.staff, { donorId: org.id });
    expect((await database.db.donor.findUniqueOrThrow({ where: { id: org.id } })).note).toBe('فقط پیامک');
    await expect(updateDonor(ctx, w.staff, { donorId: org.id, organizationName: '' })).rejects.toMatchObject({ code: 'REQUIRED' });
    const cleared = await updateDonor(ctx, w.staff, { donorId: org.id, note: '\u200c ' });
    expect(cleared.note).toBeNull();
    const log = await database.db.auditLog.findFirstOrThrow({ where: { action: 'donor.update', entityId: org.id } });
    expect(log).toMatchObject({ before: { note: 'فقط پیامک' }, after: { note: null } });
  });
});
