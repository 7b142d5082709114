/**
 * The board: proposing, vetting, appointing (the chair and vice-chair by Imdad
 * staff; other roles by the chair with Imdad's approval), replacing a main-role
 * holder and ending an appointment — with the denials by role and by county.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../prisma/client.ts';
import type { Ctx } from '../../../core/context.ts';
import type { TrusteeActor } from '../../../core/actor.ts';
import { decideApproval } from '../../../core/approvals/decide-approval.ts';
import { proposeTrustee, type ProposeTrusteeInput } from '../../../core/trustees/propose-trustee.ts';
import { sendToVetting } from '../../../core/trustees/send-to-vetting.ts';
import { recordClearance } from '../../../core/trustees/record-clearance.ts';
import { appointTrustee } from '../../../core/trustees/appoint-trustee.ts';
import { endAppointment } from '../../../core/trustees/end-appointment.ts';
import { trusteesApprovalHandlers } from '../../../core/trustees/index.ts';
import { createCenter, createPerson, createTrustee, uniqueNationalId } from '../../../fixtures/factories.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { openWorld, personWithChat, type World } from '../../helpers/centers.ts';
import { persianDigits } from '../../../messenger/digits.ts';

const database = useTestDatabase();
let db: Db;
let ctx: Ctx;
let w: World;
beforeAll(async () => ({ db, ctx, w } = await openWorld(database)));


/** A membership in VETTING for `role`, proposed and sent by county A's staff. */
async function vetted(centerId: string, role: ProposeTrusteeInput['role'], personId?: string) {
  const pid = personId ?? (await createPerson(db)).id;
  const m = await proposeTrustee(ctx, w.staffA, { centerId, role, personId: pid });
  const v = await sendToVetting(ctx, w.staffA, { membershipId: m.id });
  for (const office of ['SELECTION', 'SECURITY'] as const) await recordClearance(ctx, w.staffA, { membershipId: m.id, office, outcome: 'CLEARED' });
  return v;
}

describe('propose a trustee', () => {
  it('county staff propose a new person: national ID and mobile normalised, PROPOSED, audited', async () => {
    const center = await createCenter(db, { countyId: w.countyA, licenseState: 'APPLIED' });
    const nid = uniqueNationalId();
    const m = await proposeTrustee(ctx, w.staffA, {
      centerId: center.id,
      role: 'CHAIR',
      firstName: 'علي',
      lastName: 'كريمي',
      nationalId: persianDigits(nid),
      mobile: '+98 912 345 6789',
    });
    expect(m.state).toBe('PROPOSED');
    expect(await db.person.findUniqueOrThrow({ where: { id: m.personId } })).toMatchObject({
      firstName: 'علی',
      lastName: 'کریمی',
      nationalId: nid,
      mobile: '09123456789',
    });
    expect(await db.auditLog.count({ where: { entityId: m.id, action: 'trustee.propose' } })).toBe(1);
    // The same national ID again is the same person, not a duplicate.
    const again = await proposeTrustee(ctx, w.staffA, {
      centerId: center.id,
      role: 'VICE_CHAIR',
      firstName: 'علی',
      lastName: 'کریمی',
      nationalId: nid,
      mobile: '09123456789',
    });
    expect(again.personId).toBe(m.personId);
    await expect(proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'CHAIR', personId: m.personId })).rejects.toMatchObject({
      code: 'TRUSTEE_ALREADY_PROPOSED',
    });
  });
  it('refuses an invalid national ID or mobile, or neither a known nor a whole new person, with a typed error and writes nothing', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    await expect(proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'HEALTH', firstName: 'الف' })).rejects.toMatchObject({ code: 'REQUIRED', params: { field: 'personId' } });
    const person = { firstName: 'الف', lastName: 'ب', nationalId: '0499370898', mobile: '09123456789' };
    await expect(proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'HEALTH', ...person })).rejects.toMatchObject({ code: 'INVALID_NATIONAL_ID' });
    await expect(
      proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'HEALTH', ...person, nationalId: uniqueNationalId(), mobile: '0912' }),
    ).rejects.toMatchObject({ code: 'INVALID_MOBILE' });
    expect(await db.trusteeMembership.count({ where: { centerId: center.id } })).toBe(0);
  });
  it('the chair proposes for their own center; the vice-chair, another center’s chair and another county’s staff may not', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const vice = await trusteeActor(db, center.id, 'VICE_CHAIR');
    const otherChair = await trusteeActor(db, (await createCenter(db, { countyId: w.countyA })).id, 'CHAIR');
    const personId = (await createPerson(db)).id;
    expect((await proposeTrustee(ctx, chair, { centerId: center.id, role: 'HEALTH', personId })).state).toBe('PROPOSED');
    for (const actor of [vice, otherChair, w.staffB, w.auditor])
      await expect(proposeTrustee(ctx, actor, { centerId: center.id, role: 'HOUSING', personId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
  it('the chair of a suspended center may not (read-only), county staff still may', async () => {
    const center = await createCenter(db, { countyId: w.countyA, licenseState: 'SUSPENDED' });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const personId = (await createPerson(db)).id;
    await expect(proposeTrustee(ctx, chair, { centerId: center.id, role: 'HEALTH', personId })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
    expect((await proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'HEALTH', personId })).state).toBe('PROPOSED');
  });
});

describe('send to vetting', () => {
  it('county staff move PROPOSED to VETTING once; the chair and other counties may not', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const m = await proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'HEALTH', personId: (await createPerson(db)).id });
    await expect(sendToVetting(ctx, chair, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sendToVetting(ctx, w.staffB, { membershipId: m.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const v = await sendToVetting(ctx, w.staffA, { membershipId: m.id });
    expect(v.state).toBe('VETTING');
    expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).vettingStartedAt).toEqual(ctx.clock.now());
    await expect(sendToVetting(ctx, w.staffA, { membershipId: m.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('appoint the chair and vice-chair (Imdad only)', () => {
  it('a county staff member of the county appoints the chair; the decree date is today in Tehran', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const m = await vetted(center.id, 'CHAIR');
    const { membership, approvalRequestId } = await appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '۴۵/ح' });
    expect(approvalRequestId).toBeNull();
    expect(membership).toMatchObject({ state: 'APPOINTED', decreeNo: '45/ح' });
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      appointedById: w.staffA.personId,
      decreeDate: new Date('2026-11-26T00:00:00Z'),
    });
    expect(await db.auditLog.count({ where: { entityId: m.id, action: 'trustee.appoint' } })).toBe(1);
  });
  it('is refused for the chair actor and for staff of another county', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const vice = await vetted(center.id, 'VICE_CHAIR');
    const newChair = await vetted(center.id, 'CHAIR');
    for (const m of [vice, newChair]) {
      await expect(appointTrustee(ctx, chair, { membershipId: m.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(appointTrustee(ctx, w.staffB, { membershipId: m.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).state).toBe('VETTING');
    }
    expect(await db.approvalRequest.count({ where: { centerId: center.id } })).toBe(0);
  });
  it('only a vetted candidate is appointed', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const m = await proposeTrustee(ctx, w.staffA, { centerId: center.id, role: 'CHAIR', personId: (await createPerson(db)).id });
    await expect(appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'TRUSTEE_NOT_IN_VETTING' });
  });
  it('replacing the chair ends the previous appointment in the same transaction and tells the previous chair', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const { person } = await personWithChat(db);
    const old = await createTrustee(db, { centerId: center.id, role: 'CHAIR', personId: person.id });
    const m = await vetted(center.id, 'CHAIR');
    await appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '1/ح' });
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      state: 'ENDED',
      endReason: 'REPLACED',
      endedAt: ctx.clock.now(),
    });
    const holders = await db.trusteeMembership.findMany({ where: { centerId: center.id, role: 'CHAIR', state: 'APPOINTED' } });
    expect(holders.map((h) => h.id)).toEqual([m.id]);
    expect(await db.auditLog.count({ where: { entityId: old.id, action: 'trustee.end' } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { template: 'trustee.ended', chatAccount: { personId: person.id } } })).toBe(1);
  });
  it('two chairs appointed at once: one ends the other, never two appointed holders', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const a = await vetted(center.id, 'CHAIR');
    const b = await vetted(center.id, 'CHAIR');
    await Promise.all([a, b].map((m) => appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '1/ح' })));
    const rows = await db.trusteeMembership.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => r.state).sort()).toEqual(['APPOINTED', 'ENDED']);
  });
});

describe('the chair appoints other members, Imdad approves', () => {
  it('the finance officer waits for approval, takes effect on approval and replaces the previous holder', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const previous = await createTrustee(db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const m = await vetted(center.id, 'ADMIN_FINANCE');
    const { membership, approvalRequestId } = await appointTrustee(ctx, chair, { membershipId: m.id, decreeNo: '12' });
    expect(membership.state).toBe('VETTING');
    expect(approvalRequestId).toBeTruthy();
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalRequestId! } })).toMatchObject({
      kind: 'TRUSTEE_APPOINTMENT',
      state: 'PENDING',
      targetId: m.id,
      countyId: w.countyA,
      requestedById: chair.personId,
    });
    expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: previous.id } })).state).toBe('APPOINTED');
    await expect(appointTrustee(ctx, chair, { membershipId: m.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'APPROVAL_ALREADY_PENDING' });

    // Neither the chair nor another county's staff may decide it.
    for (const actor of [chair, w.staffB])
      await expect(decideApproval(ctx, trusteesApprovalHandlers, actor, { requestId: approvalRequestId!, decision: 'APPROVE' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).state).toBe('VETTING');

    await decideApproval(ctx, trusteesApprovalHandlers, w.staffA, { requestId: approvalRequestId!, decision: 'APPROVE' });
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      state: 'APPOINTED',
      decreeNo: '12',
      appointedById: chair.personId,
      approvedById: w.staffA.personId,
    });
    expect((await db.trusteeMembership.findUniqueOrThrow({ where: { id: previous.id } })).state).toBe('ENDED');
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: approvalRequestId! } })).toMatchObject({ state: 'APPROVED' });
  });
  it('a rejected appointment leaves the candidate REJECTED with the reason', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const m = await vetted(center.id, 'SOCIAL_WORK');
    const { approvalRequestId } = await appointTrustee(ctx, chair, { membershipId: m.id, decreeNo: '1/ح' });
    await decideApproval(ctx, trusteesApprovalHandlers, w.staffA, { requestId: approvalRequestId!, decision: 'REJECT', reason: 'عدم تأیید گزینش' });
    expect(await db.trusteeMembership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ state: 'REJECTED', rejectReason: 'عدم تأیید گزینش' });
  });
  it('other trustees may not appoint; the chair of a suspended center may not either', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const vice: TrusteeActor = await trusteeActor(db, center.id, 'VICE_CHAIR');
    const m = await vetted(center.id, 'HEALTH');
    await expect(appointTrustee(ctx, vice, { membershipId: m.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const suspended = await createCenter(db, { countyId: w.countyA, licenseState: 'SUSPENDED' });
    const chair = await trusteeActor(db, suspended.id, 'CHAIR');
    const s = await vetted(suspended.id, 'HEALTH');
    await expect(appointTrustee(ctx, chair, { membershipId: s.id, decreeNo: '1/ح' })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });
  it('Imdad staff may appoint an officer directly (their approval is given)', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const m = await vetted(center.id, 'ORPHANS');
    const { membership, approvalRequestId } = await appointTrustee(ctx, w.staffA, { membershipId: m.id, decreeNo: '1/ح' });
    expect(membership.state).toBe('APPOINTED');
    expect(approvalRequestId).toBeNull();
  });
});

describe('end an appointment', () => {
  it('county staff end it with a reason; without a reason, by the chair, by another county, or twice: refused', async () => {
    const center = await createCenter(db, { countyId: w.countyA });
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const m = await createTrustee(db, { centerId: center.id, role: 'HEALTH' });
    await expect(endAppointment(ctx, w.staffA, { membershipId: m.id, reason: '' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await expect(endAppointment(ctx, chair, { membershipId: m.id, reason: 'استعفا' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(endAppointment(ctx, w.staffB, { membershipId: m.id, reason: 'استعفا' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ended = await endAppointment(ctx, w.staffA, { membershipId: m.id, reason: 'استعفا' });
    expect(ended.state).toBe('ENDED');
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: m.id } })).toMatchObject({ action: 'trustee.end', actorType: 'STAFF' });
    await expect(endAppointment(ctx, w.staffA, { membershipId: m.id, reason: 'استعفا' })).rejects.toMatchObject({ code: 'TRUSTEE_NOT_APPOINTED' });
  });
});
