import { describe, expect, it } from 'vitest';
import { createEmploymentPlan, type CreateEmploymentPlanInput } from '../../../core/beneficiaries/create-employment-plan.ts';
import { recordFollowUp } from '../../../core/beneficiaries/record-follow-up.ts';
import { routeNeedToNetwork } from '../../../core/beneficiaries/route-need-to-network.ts';
import { createBeneficiary, createCenter, createNeed, createNetwork, createNetworkMembership, createVolunteer } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { giveChat, NOW, useCenterWorld, volunteerActor } from '../../helpers/beneficiaries.ts';

describe('networks and employment plans', () => {
  const t = useCenterWorld();

  describe('routeNeedToNetwork', () => {
    it("routes a need to one of the center's networks and tells its coordinators by reference code", async () => {
      const network = await createNetwork(t.db, { centerId: t.w.center.id, kind: 'LEGAL_SERVICES' });
      const coordinator = await volunteerActor(t.db, t.w.center.id);
      const chat = await giveChat(t.db, coordinator.personId);
      await createNetworkMembership(t.db, { networkId: network.id, volunteerId: coordinator.volunteerId, isCoordinator: true });
      const need = await createNeed(t.db, { beneficiaryId: t.w.beneficiary.id, category: 'LEGAL', priority: 'HIGH' });
      const routed = await routeNeedToNetwork(t.ctx, t.w.viceChair, { needId: need.id, networkId: network.id });
      expect(routed).toMatchObject({ state: 'IN_PROGRESS', routedNetworkId: network.id });
      const [msg] = await t.db.outboxMessage.findMany({ where: { chatAccountId: chat.id, template: 'need.routed' } });
      expect(msg!.params).toMatchObject({ referenceCode: t.w.beneficiary.referenceCode, category: 'LEGAL' });
      expect(JSON.stringify(msg!.params)).not.toContain(t.w.beneficiary.headName);
      expect(await t.db.auditLog.count({ where: { entityId: need.id, action: 'beneficiary.routeNeed' } })).toBe(1);
    });

    it("refuses another center's network, other officers, another center's trustees and closed needs", async () => {
      const need = await createNeed(t.db, { beneficiaryId: t.w.beneficiary.id, category: 'HOUSING' });
      const other = await createCenter(t.db);
      const foreign = await createNetwork(t.db, { centerId: other.id, kind: 'HOUSING_CONSTRUCTION' });
      await expect(routeNeedToNetwork(t.ctx, t.w.viceChair, { needId: need.id, networkId: foreign.id })).rejects.toMatchObject({ code: 'NETWORK_NOT_AVAILABLE' });
      const own = await createNetwork(t.db, { centerId: t.w.center.id, kind: 'HOUSING_CONSTRUCTION' });
      for (const actor of [t.w.donorsOfficer, t.w.finance, await trusteeActor(t.db, other.id, 'VICE_CHAIR')])
        await expect(routeNeedToNetwork(t.ctx, actor, { needId: need.id, networkId: own.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const met = await createNeed(t.db, { beneficiaryId: t.w.beneficiary.id, category: 'HOUSING', state: 'MET', metAt: NOW });
      await expect(routeNeedToNetwork(t.ctx, t.w.viceChair, { needId: met.id, networkId: own.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });

  describe('employment plans', () => {
    it('creates a plan with a mentor and a fund that allows employment', async () => {
      const mentor = await createVolunteer(t.db, { centerId: t.w.center.id });
      const plan = await createEmploymentPlan(t.ctx, t.w.socialWork, {
        beneficiaryId: t.w.beneficiary.id, kind: 'HOME_BUSINESS', title: 'خیاطی خانگی', capitalNeededRial: '۱۵۰۰۰۰۰۰۰',
        fundingFund: 'QARD_AL_HASAN', mentorVolunteerId: mentor.id, start: true,
      });
      expect(plan).toMatchObject({ state: 'ACTIVE', startedAt: NOW, centerId: t.w.center.id, capitalNeededRial: 150_000_000n });
      expect(await t.db.auditLog.count({ where: { entityId: plan.id, action: 'employment.createPlan' } })).toBe(1);
    });

    it("refuses a fund that may not pay for work, another center's mentor, other officers and closed households", async () => {
      const base: CreateEmploymentPlanInput = { beneficiaryId: t.w.beneficiary.id, kind: 'TRAINING', title: 'دوره آموزش' };
      await expect(createEmploymentPlan(t.ctx, t.w.viceChair, { ...base, fundingFund: 'KAFFARA' })).rejects.toMatchObject({ code: 'FUND_USE_NOT_ALLOWED' });
      const foreign = await createVolunteer(t.db, { centerId: (await createCenter(t.db)).id });
      await expect(createEmploymentPlan(t.ctx, t.w.viceChair, { ...base, mentorVolunteerId: foreign.id })).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_AVAILABLE' });
      await expect(createEmploymentPlan(t.ctx, t.w.donorsOfficer, base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const closed = await createBeneficiary(t.db, { centerId: t.w.center.id, state: 'CLOSED', closedAt: NOW });
      await expect(createEmploymentPlan(t.ctx, t.w.viceChair, { ...base, beneficiaryId: closed.id })).rejects.toMatchObject({ code: 'BENEFICIARY_NOT_ACTIVE' });
    });

    it('follow-ups by the mentor or the board; a job completes the plan; nobody else may record', async () => {
      const mentor = await volunteerActor(t.db, t.w.center.id);
      const plan = await createEmploymentPlan(t.ctx, t.w.viceChair, {
        beneficiaryId: t.w.beneficiary.id, kind: 'JOB_PLACEMENT', title: 'کار در نانوایی', mentorVolunteerId: mentor.volunteerId, start: true,
      });
      const f1 = await recordFollowUp(t.ctx, mentor, { planId: plan.id, outcome: 'NEEDS_HELP', note: 'نیاز به معرفی‌نامه', nextInDays: '۱۴' });
      expect(f1).toMatchObject({ outcome: 'NEEDS_HELP', recordedById: mentor.personId, followedUpAt: NOW });
      expect(f1.nextFollowUpOn).toEqual(new Date('2026-12-10T00:00:00Z'));
      const stranger = await volunteerActor(t.db, t.w.center.id);
      for (const actor of [stranger, t.w.donorsOfficer, await trusteeActor(t.db, (await createCenter(t.db)).id, 'EMPLOYMENT')])
        await expect(recordFollowUp(t.ctx, actor, { planId: plan.id, outcome: 'ON_TRACK' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await recordFollowUp(t.ctx, await trusteeActor(t.db, t.w.center.id, 'EMPLOYMENT'), { planId: plan.id, outcome: 'EMPLOYED' });
      expect(await t.db.employmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ state: 'COMPLETED', completedAt: NOW });
      await expect(recordFollowUp(t.ctx, mentor, { planId: plan.id, outcome: 'ON_TRACK' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(await t.db.auditLog.count({ where: { entityId: plan.id, action: 'employment.recordFollowUp' } })).toBe(2);
    });
  });
});
