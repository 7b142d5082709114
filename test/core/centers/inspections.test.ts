/**
 * Inspections: recorded by Imdad staff of the center's area; an outcome of
 * RENEW, SUSPEND or REVOKE changes the license in the same transaction (and
 * needs the province office), WARN only tells the chair.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../prisma/client.ts';
import type { Ctx } from '../../../core/context.ts';
import { recordInspection } from '../../../core/centers/record-inspection.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { chairWithChat, openWorld, type World } from '../../helpers/centers.ts';

const database = useTestDatabase();
let db: Db;
let ctx: Ctx;
let w: World;
beforeAll(async () => ({ db, ctx, w } = await openWorld(database)));

describe('record an inspection', () => {
  it('a SUSPEND outcome suspends the license in the same transaction, the event points at the inspection', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await chairWithChat(db, c.id);
    const r = await recordInspection(ctx, w.supervisor, { centerId: c.id, findings: 'دفاتر ناقص', outcome: 'SUSPEND', outcomeReason: 'عدم ثبت کمک‌ها' });
    expect(r).toMatchObject({ outcome: 'SUSPEND', licenseState: 'SUSPENDED' });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: r.inspectionId } })).toMatchObject({
      inspectorId: w.supervisor.staffUserId,
      outcome: 'SUSPEND',
      concludedAt: ctx.clock.now(),
    });
    expect(await db.centerLicenseEvent.findFirstOrThrow({ where: { centerId: c.id } })).toMatchObject({
      kind: 'SUSPENDED',
      inspectionId: r.inspectionId,
      reason: 'عدم ثبت کمک‌ها',
    });
    expect(await db.auditLog.count({ where: { entityId: r.inspectionId, action: 'inspection.record' } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { chatAccountId: chair.chat.id, template: 'license.suspended' } })).toBe(1);
  });
  it('RENEW extends the license, REVOKE revokes it', async () => {
    const c = await createCenter(db, { countyId: w.countyA, licenseExpiresOn: new Date('2026-12-01') });
    const renewed = await recordInspection(ctx, w.provinceAdmin, { centerId: c.id, findings: 'عملکرد خوب', outcome: 'RENEW', validityMonths: 12 });
    expect(renewed.licenseState).toBe('LICENSED');
    expect((await db.center.findUniqueOrThrow({ where: { id: c.id } })).licenseExpiresOn?.toISOString().slice(0, 10)).toBe('2027-12-01');
    const revoked = await recordInspection(ctx, w.provinceAdmin, { centerId: c.id, findings: 'تخلف', outcome: 'REVOKE', outcomeReason: 'فعالیت سیاسی' });
    expect(revoked.licenseState).toBe('REVOKED');
  });
  it('WARN leaves the license as it is and warns the chair; county staff may record it', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await chairWithChat(db, c.id);
    const r = await recordInspection(ctx, w.staffA, { centerId: c.id, findings: 'تأخیر در گزارش', outcome: 'WARN', outcomeReason: 'گزارش ماهانه ارسال نشده' });
    expect(r.licenseState).toBe('LICENSED');
    expect(await db.centerLicenseEvent.count({ where: { centerId: c.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { chatAccountId: chair.chat.id, template: 'inspection.warned' } })).toBe(1);
  });
  it('county staff may not suspend through an inspection, nor inspect another county; a trustee or auditor may not inspect', async () => {
    const c = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, c.id, 'CHAIR');
    await expect(recordInspection(ctx, w.staffA, { centerId: c.id, findings: 'x', outcome: 'SUSPEND', outcomeReason: 'y' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const actor of [w.staffB, chair, w.auditor])
      await expect(recordInspection(ctx, actor, { centerId: c.id, findings: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.inspection.count({ where: { centerId: c.id } })).toBe(0);
  });
  it('a warning or suspension needs a reason; an outcome the state does not allow rolls the whole inspection back', async () => {
    const c = await createCenter(db, { countyId: w.countyA, licenseState: 'REVOKED' });
    await expect(recordInspection(ctx, w.supervisor, { centerId: c.id, findings: 'x', outcome: 'SUSPEND' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await expect(recordInspection(ctx, w.supervisor, { centerId: c.id, findings: 'x', outcome: 'SUSPEND', outcomeReason: 'y' })).rejects.toMatchObject({
      code: 'LICENSE_TRANSITION_NOT_ALLOWED',
    });
    expect(await db.inspection.count({ where: { centerId: c.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entity: 'Inspection', after: { path: ['centerId'], equals: c.id } } })).toBe(0);
  });
});
