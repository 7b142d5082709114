/** Volunteers: apply, vetting through the approval mechanism, deactivation. */
import { describe, expect, it } from 'vitest';
import { applyAsVolunteer } from '../../../core/volunteers/apply-as-volunteer.ts';
import { sendVolunteerToVetting } from '../../../core/volunteers/send-volunteer-to-vetting.ts';
import { vetVolunteer } from '../../../core/volunteers/vet-volunteer.ts';
import { deactivateVolunteer } from '../../../core/volunteers/deactivate-volunteer.ts';
import { volunteersApprovalHandlers } from '../../../core/volunteers/index.ts';
import { decideApproval } from '../../../core/approvals/decide-approval.ts';
import { createCenter, createNetwork, createNetworkMembership, createPerson, createVolunteer, uniqueMobile, uniqueNationalId } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, chatActor, outboxFor, useWorkCtx, volunteerActorOf } from '../../helpers/work.ts';

const ctx = useWorkCtx();

const applicant = (centerId: string, extra: Record<string, unknown> = {}) => ({
  centerId,
  firstName: 'زهرا',
  lastName: 'كريمي',
  nationalId: uniqueNationalId(),
  mobile: uniqueMobile().replace(/^0/, '+98'),
  skills: ['حسابداری', 'ورود اطلاعات'],
  availability: 'عصرها',
  serviceForService: true,
  ...extra,
});

describe('applyAsVolunteer', () => {
  it('a chat user applies to a licensed center: person created, chat linked, audit row written', async () => {
    const center = await createCenter(ctx.db);
    const chat = await chatActor(ctx.db);
    const input = applicant(center.id);
    const v = await applyAsVolunteer(ctx, chat, input);
    expect(v).toMatchObject({ state: 'APPLIED', serviceForService: true, skills: ['حسابداری', 'ورود اطلاعات'] });
    const person = await ctx.db.person.findUniqueOrThrow({ where: { id: v.personId } });
    expect(person.nationalId).toBe(input.nationalId);
    expect(person.mobile).toMatch(/^09\d{9}$/);
    expect(person.lastName).toBe('کریمی'); // Arabic ي/ك normalised
    expect((await ctx.db.chatAccount.findUniqueOrThrow({ where: { id: chat.chatAccountId } })).personId).toBe(person.id);
    expect((await auditRows(ctx.db, 'Volunteer', v.id)).map((r) => r.action)).toEqual(['volunteer.apply']);
  });

  it('rejects an invalid national ID or mobile through the shared schemas', async () => {
    const center = await createCenter(ctx.db);
    const chat = await chatActor(ctx.db);
    await expect(applyAsVolunteer(ctx, chat, applicant(center.id, { nationalId: '0499370898' }))).rejects.toMatchObject({ code: 'INVALID_NATIONAL_ID' });
    await expect(applyAsVolunteer(ctx, chat, applicant(center.id, { mobile: '0812345678' }))).rejects.toMatchObject({ code: 'INVALID_MOBILE' });
  });

  it('refuses a center that is not licensed', async () => {
    for (const licenseState of ['APPLIED', 'SUSPENDED'] as const) {
      const center = await createCenter(ctx.db, { licenseState });
      await expect(applyAsVolunteer(ctx, await chatActor(ctx.db), applicant(center.id))).rejects.toMatchObject({ code: 'CENTER_NOT_LICENSED' });
    }
  });

  it('refuses a second application of the same person to the same center', async () => {
    const center = await createCenter(ctx.db);
    const input = applicant(center.id);
    await applyAsVolunteer(ctx, await chatActor(ctx.db), input);
    await expect(applyAsVolunteer(ctx, await chatActor(ctx.db), input)).rejects.toMatchObject({ code: 'VOLUNTEER_ALREADY_APPLIED' });
  });

  it('two parallel applications of one person create one person and one volunteer', async () => {
    const center = await createCenter(ctx.db);
    const input = applicant(center.id);
    const results = await Promise.allSettled([applyAsVolunteer(ctx, await chatActor(ctx.db), input), applyAsVolunteer(ctx, await chatActor(ctx.db), input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'VOLUNTEER_ALREADY_APPLIED' } });
    expect(await ctx.db.person.count({ where: { nationalId: input.nationalId } })).toBe(1);
  });

  it('a linked chat cannot apply with another person\'s national ID', async () => {
    const center = await createCenter(ctx.db);
    const me = await createPerson(ctx.db);
    const other = await createPerson(ctx.db);
    const chat = await chatActor(ctx.db, me.id);
    await expect(applyAsVolunteer(ctx, chat, applicant(center.id, { nationalId: other.nationalId }))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('staff of the county and recruiting trustees may register someone; others may not', async () => {
    const center = await createCenter(ctx.db);
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect((await applyAsVolunteer(ctx, staff, applicant(center.id))).state).toBe('APPLIED');
    const chair = await trusteeActor(ctx.db, center.id, 'DONORS_WOMEN');
    expect((await applyAsVolunteer(ctx, chair, applicant(center.id))).state).toBe('APPLIED');

    const otherCounty = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: (await createCenter(ctx.db)).countyId });
    await expect(applyAsVolunteer(ctx, otherCounty, applicant(center.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherCenterChair = await trusteeActor(ctx.db, (await createCenter(ctx.db)).id, 'CHAIR');
    await expect(applyAsVolunteer(ctx, otherCenterChair, applicant(center.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
    await expect(applyAsVolunteer(ctx, finance, applicant(center.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a trustee of a suspended center cannot register volunteers (read-only)', async () => {
    const center = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    await expect(applyAsVolunteer(ctx, chair, applicant(center.id))).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });
});

describe('vetting', () => {
  async function appliedVolunteer() {
    const center = await createCenter(ctx.db);
    const person = await createPerson(ctx.db);
    const chat = await chatActor(ctx.db, person.id);
    const v = await applyAsVolunteer(ctx, chat, applicant(center.id, { nationalId: person.nationalId }));
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    return { center, person, v, staff };
  }

  it('county staff send to vetting (an approval request opens) and activate; the person is notified', async () => {
    const { person, v, staff } = await appliedVolunteer();
    const sent = await sendVolunteerToVetting(ctx, staff, { volunteerId: v.id });
    expect(sent.state).toBe('VETTING');
    const req = await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: sent.approvalRequestId } });
    expect(req).toMatchObject({ kind: 'VOLUNTEER_VETTING', state: 'PENDING', targetId: v.id });

    const active = await vetVolunteer(ctx, staff, { volunteerId: v.id, decision: 'ACTIVATE' });
    expect(active.state).toBe('ACTIVE');
    expect((await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: req.id } })).state).toBe('APPROVED');
    expect((await outboxFor(ctx.db, person.id)).map((m) => m.template)).toEqual(['volunteer.activated']);
    expect((await auditRows(ctx.db, 'Volunteer', v.id)).map((r) => r.action)).toEqual(['volunteer.apply', 'volunteer.sendToVetting', 'volunteer.activate']);
  });

  it('rejection needs a reason, stores it and notifies the person', async () => {
    const { person, v, staff } = await appliedVolunteer();
    await sendVolunteerToVetting(ctx, staff, { volunteerId: v.id });
    await expect(vetVolunteer(ctx, staff, { volunteerId: v.id, decision: 'REJECT' })).rejects.toMatchObject({ code: 'REQUIRED' });
    const rejected = await vetVolunteer(ctx, staff, { volunteerId: v.id, decision: 'REJECT', reason: 'عدم تأیید حراست' });
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: 'عدم تأیید حراست' });
    const msgs = await outboxFor(ctx.db, person.id);
    expect(msgs.map((m) => m.template)).toEqual(['volunteer.rejected']);
    expect(msgs[0]!.params).toMatchObject({ reason: 'عدم تأیید حراست' });
  });

  it('staff of another county, trustees and the applicant cannot vet', async () => {
    const { center, person, v, staff } = await appliedVolunteer();
    const otherCounty = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: (await createCenter(ctx.db)).countyId });
    await expect(sendVolunteerToVetting(ctx, otherCounty, { volunteerId: v.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sendVolunteerToVetting(ctx, staff, { volunteerId: v.id });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    for (const actor of [otherCounty, chair, await volunteerActorOf(ctx.db, person.id)])
      await expect(vetVolunteer(ctx, actor, { volunteerId: v.id, decision: 'ACTIVATE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Also through the generic approval path.
    const req = await ctx.db.approvalRequest.findFirstOrThrow({ where: { targetId: v.id, state: 'PENDING' } });
    await expect(decideApproval(ctx, volunteersApprovalHandlers, otherCounty, { requestId: req.id, decision: 'APPROVE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await ctx.db.volunteer.findUniqueOrThrow({ where: { id: v.id } })).state).toBe('VETTING');
  });

  it('cannot vet an applicant not sent to vetting, nor send one twice', async () => {
    const { v, staff } = await appliedVolunteer();
    await expect(vetVolunteer(ctx, staff, { volunteerId: v.id, decision: 'ACTIVATE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await sendVolunteerToVetting(ctx, staff, { volunteerId: v.id });
    await expect(sendVolunteerToVetting(ctx, staff, { volunteerId: v.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a rejected applicant may apply again', async () => {
    const { center, person, v, staff } = await appliedVolunteer();
    await sendVolunteerToVetting(ctx, staff, { volunteerId: v.id });
    await vetVolunteer(ctx, staff, { volunteerId: v.id, decision: 'REJECT', reason: 'مدارک ناقص' });
    const again = await applyAsVolunteer(ctx, await chatActor(ctx.db, person.id), applicant(center.id, { nationalId: person.nationalId }));
    expect(again).toMatchObject({ id: v.id, state: 'APPLIED', rejectReason: null });
  });
});

describe('deactivateVolunteer', () => {
  it('the volunteer themself may stop; their network memberships end; audited', async () => {
    const center = await createCenter(ctx.db);
    const vol = await createVolunteer(ctx.db, { centerId: center.id });
    const net = await createNetwork(ctx.db, { centerId: center.id });
    const m = await createNetworkMembership(ctx.db, { networkId: net.id, volunteerId: vol.id });
    const out = await deactivateVolunteer(ctx, await volunteerActorOf(ctx.db, vol.personId), { volunteerId: vol.id, reason: 'مهاجرت' });
    expect(out.state).toBe('INACTIVE');
    expect((await ctx.db.networkMembership.findUniqueOrThrow({ where: { id: m.id } })).leftAt).not.toBeNull();
    expect((await auditRows(ctx.db, 'Volunteer', vol.id)).map((r) => r.action)).toEqual(['volunteer.deactivate']);
    await expect(deactivateVolunteer(ctx, await volunteerActorOf(ctx.db, vol.personId), { volunteerId: vol.id })).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_ACTIVE' });
  });

  it('another volunteer, a trustee of another center or staff of another county may not', async () => {
    const center = await createCenter(ctx.db);
    const vol = await createVolunteer(ctx.db, { centerId: center.id });
    const stranger = await createVolunteer(ctx.db, { centerId: center.id });
    const otherCenter = await createCenter(ctx.db);
    for (const actor of [
      await volunteerActorOf(ctx.db, stranger.personId),
      await trusteeActor(ctx.db, otherCenter.id, 'CHAIR'),
      await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: otherCenter.countyId }),
      await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE'),
    ])
      await expect(deactivateVolunteer(ctx, actor, { volunteerId: vol.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    expect((await deactivateVolunteer(ctx, chair, { volunteerId: vol.id })).state).toBe('INACTIVE');
  });
});
