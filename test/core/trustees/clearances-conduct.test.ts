/**
 * Vetting as the offices answer it: each office's clearance recorded by the staff member who
 * received it (who, when, outcome, note), appointment only after both cleared, a refusal
 * ending the candidacy; the decree's number and date; the appointee's acknowledgement of the
 * conduct points; and the vice-chair acting for a chair whose seat is empty.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../prisma/client.ts';
import type { Ctx } from '../../../core/context.ts';
import { can } from '../../../core/policy.ts';
import { proposeTrustee } from '../../../core/trustees/propose-trustee.ts';
import { sendToVetting } from '../../../core/trustees/send-to-vetting.ts';
import { recordClearance } from '../../../core/trustees/record-clearance.ts';
import { appointTrustee } from '../../../core/trustees/appoint-trustee.ts';
import { acknowledgeConduct } from '../../../core/trustees/acknowledge-conduct.ts';
import { trusteeActorsOf } from '../../../core/trustees/acting-chair.ts';
import { listMyMemberships } from '../../../core/trustees/list-my-memberships.ts';
import { createCenter, createPerson, createTrustee } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { openWorld, type World } from '../../helpers/centers.ts';

const database = useTestDatabase();
let db: Db;
let ctx: Ctx;
let w: World;
beforeAll(async () => ({ db, ctx, w } = await openWorld(database)));

async function inVetting(role: 'CHAIR' | 'HEALTH' = 'CHAIR') {
  const center = await createCenter(db, { countyId: w.countyA });
  const m = await proposeTrustee(ctx, w.staffA, { centerId: center.id, role, personId: (await createPerson(db)).id });
  await sendToVetting(ctx, w.staffA, { membershipId: m.id });
  return { center, m };
}

describe('clearances', () => {
  it('each office’s answer is recorded by who gave it, with its day and note, audited; then the decree follows', async () => {
    const { m } = await inVetting();
    await expect(appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '۷/ح' })).rejects.toMatchObject({ code: 'TRUSTEE_NOT_CLEARED' });
    const selection = await recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SELECTION', outcome: 'CLEARED', decidedOn: '۲۰۲۶-۱۱-۲۰', note: 'نامه ۱۲۳' });
    expect(selection).toMatchObject({ outcome: 'CLEARED', note: 'نامه 123', recordedById: w.staffA.personId, decidedOn: new Date('2026-11-20T00:00:00Z') });
    expect(await db.auditLog.count({ where: { entityId: selection.id, action: 'trustee.recordClearance' } })).toBe(1);
    await expect(appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '7' })).rejects.toMatchObject({ code: 'TRUSTEE_NOT_CLEARED' });
    await expect(recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SELECTION', outcome: 'CLEARED' })).rejects.toMatchObject({
      code: 'CLEARANCE_ALREADY_RECORDED',
    });
    const security = await recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SECURITY', outcome: 'CLEARED' });
    expect(security.decidedOn).toEqual(new Date('2026-11-26T00:00:00Z'));
    const { membership } = await appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '۷/ح', decreeDate: '2026-11-24', termEndsOn: '2030-11-24' });
    expect(membership.state).toBe('APPOINTED');
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      decreeNo: '7/ح',
      decreeDate: new Date('2026-11-24T00:00:00Z'),
      termEndsOn: new Date('2030-11-24T00:00:00Z'),
    });
  });
  it('a refusal needs a note, ends the candidacy and withdraws the chair’s pending appointment request', async () => {
    const { center, m } = await inVetting('HEALTH');
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const { approvalRequestId } = await appointTrustee(ctx, chair, { membershipId: m.id, decreeNo: '3' });
    await expect(recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SECURITY', outcome: 'REFUSED' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SECURITY', outcome: 'REFUSED', note: 'سوابق' });
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ state: 'REJECTED', rejectReason: 'سوابق' });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalRequestId! } })).toMatchObject({ state: 'CANCELLED', decidedById: w.staffA.personId });
    await expect(recordClearance(ctx, w.staffA, { membershipId: m.id, office: 'SELECTION', outcome: 'CLEARED' })).rejects.toMatchObject({
      code: 'TRUSTEE_NOT_IN_VETTING',
    });
  });
  it('only the county’s offices record them: the chair and another county are refused, nothing written', async () => {
    const { center, m } = await inVetting('HEALTH');
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    for (const actor of [chair, w.staffB])
      await expect(recordClearance(ctx, actor, { membershipId: m.id, office: 'SELECTION', outcome: 'CLEARED' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.trusteeClearance.count({ where: { membershipId: m.id } })).toBe(0);
  });
});

describe('the conduct points', () => {
  it('the appointee acknowledges them once from their own chat; staff record a signed form; others may not', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const m = await createTrustee(db, { centerId: center.id, role: 'HEALTH' });
    const other = await createTrustee(db, { centerId: center.id, role: 'ORPHANS' });
    const stranger = { kind: 'chat' as const, chatAccountId: 'x', personId: other.personId };
    await expect(acknowledgeConduct(ctx, stranger, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(acknowledgeConduct(ctx, w.staffB, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const self = { kind: 'chat' as const, chatAccountId: 'y', personId: m.personId };
    const first = await acknowledgeConduct(ctx, self, { membershipId: m.id });
    expect(first.acknowledgedAt).toEqual(ctx.clock.now());
    const again = await acknowledgeConduct(ctx, self, { membershipId: m.id });
    expect(again.acknowledgedAt).toEqual(first.acknowledgedAt);
    expect(await db.auditLog.count({ where: { entityId: m.id, action: 'trustee.acknowledgeConduct' } })).toBe(1);
    await acknowledgeConduct(ctx, w.staffA, { membershipId: other.id });
    expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: other.id } })).conductAcknowledgedAt).toEqual(ctx.clock.now());
  });
});

describe('the vice-chair acts for an absent chair', () => {
  it('where the chair decides, only while the chair seat is empty', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const vice = await createTrustee(db, { centerId: center.id, role: 'VICE_CHAIR' });
    const scope = { centerId: center.id, countyId: w.countyA, licenseState: 'LICENSED' as const };
    const [acting] = await trusteeActorsOf(db, [vice]);
    expect(acting).toMatchObject({ role: 'VICE_CHAIR', actsForChair: true });
    for (const action of ['trustee.propose', 'trustee.appointOther', 'distribution.approve'] as const) expect(can(acting!, action, scope)).toBe(true);
    // Not what the chair may not do either, and never in another center.
    expect(can(acting!, 'trustee.vet', scope)).toBe(false);
    expect(can(acting!, 'trustee.propose', { ...scope, centerId: 'elsewhere' })).toBe(false);
    expect((await listMyMemberships(ctx, { kind: 'chat', chatAccountId: 'z', personId: vice.personId })).map((m) => m.actsForChair)).toEqual([true]);

    await createTrustee(db, { centerId: center.id, role: 'CHAIR' });
    const [seated] = await trusteeActorsOf(db, [vice]);
    expect(seated!.actsForChair).toBeUndefined();
    expect(can(seated!, 'trustee.propose', scope)).toBe(false);
    expect(can(seated!, 'distribution.approve', scope)).toBe(false);
  });
});
