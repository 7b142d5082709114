import { beforeAll, describe, expect, it } from 'vitest';
import { createEmploymentPlan, type CreateEmploymentPlanInput } from '../../../core/beneficiaries/create-employment-plan.ts';
import { recordFollowUp } from '../../../core/beneficiaries/record-follow-up.ts';
import { routeNeedToNetwork } from '../../../core/beneficiaries/route-need-to-network.ts';
import type { Ctx } from '../../../core/context.ts';
import type { Db } from '../../../prisma/client.ts';
import { createBeneficiary, createCenter, createNeed, createNetwork, createNetworkMembership, createVolunteer } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { type CenterWorld, giveChat, NOW, openCenterWorld, volunteerActor } from '../../helpers/beneficiaries.ts';
import { useTestDatabase } from '../../helpers/db.ts';

describe('networks and employment plans', () => {
  const database = useTestDatabase();
  let db: Db;
  let ctx: Ctx;
  let w: CenterWorld;
  beforeAll(async () => ({ db, ctx, w } = await openCenterWorld(database)));

  describe('routeNeedToNetwork', () => {
    it("routes a need to one of the center's networks and tells its coordinators by reference code", async () => {
      const network = await createNetwork(db, { centerId: w.center.id, kind: 'LEGAL_SERVICES' });
      const coordinator = await volunteerActor(db, w.center.id);
      const chat = await giveChat(db, coordinator.personId);
      await createNetworkMembership(db, { networkId: network.id, volunteerId: coordinator.volunteerId, isCoordinator: true });
      const need = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'LEGAL', priority: 'HIGH' });
      const routed = await routeNeedToNetwork(ctx, w.viceChair, { needId: need.id, networkId: network.id });
      expect(routed).toMatchObject({ state: 'IN_PROGRESS', routedNetworkId: network.id });
      const [msg] = await db.outboxMessage.findMany({ where: { chatAccountId: chat.id, template: 'need.routed' } });
      expect(msg!.params).toMatchObject({ referenceCode: w.beneficiary.referenceCode, category: 'LEGAL' });
      expect(JSON.stringify(msg!.params)).not.toContain(w.beneficiary.headName);
      expect(await db.auditLog.count({ where: { entityId: need.id, action: 'beneficiary.routeNeed' } })).toBe(1);
    });

    it("refuses another center's network, other officers, another center's trustees and closed needs", async () => {
      const need = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'HOUSING' });
      const other = await createCenter(db);
      const foreign = await createNetwork(db, { centerId: other.id, kind: 'HOUSING_CONSTRUCTION' });
      await expect(routeNeedToNetwork(ctx, w.viceChair, { needId: need.id, networkId: foreign.id })).rejects.toMatchObject({ code: 'NETWORK_NOT_AVAILABLE' });
      const own = await createNetwork(db, { centerId: w.center.id, kind: 'HOUSING_CONSTRUCTION' });
      for (const actor of [w.donorsOfficer, w.finance, await trusteeActor(db, other.id, 'VICE_CHAIR')])
        await expect(routeNeedToNetwork(ctx, actor, { needId: need.id, networkId: own.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const met = await createNeed(db, { beneficiaryId: w.beneficiary.id, category: 'HOUSING', state: 'MET', metAt: NOW });
      await expect(routeNeedToNetwork(ctx, w.viceChair, { needId: met.id, networkId: own.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });

  describe('employment plans', () => {
    it('creates a plan with a mentor and a fund that allows employment', async () => {
      const mentor = await createVolunteer(db, { centerId: w.center.id });
      const plan = await createEmploymentPlan(ctx, w.socialWork, {
        beneficiaryId: w.beneficiary.id, kind: 'HOME_BUSINESS', title: 'خیاطی خانگی', capitalNeededRial: '۱۵۰۰۰۰۰۰۰',
        fundingFund: 'QARD_AL_HASAN', mentorVolunteerId: mentor.id, start: true,
      });
      expect(plan).toMatchObject({ state: 'ACTIVE', startedAt: NOW, centerId: w.center.id, capitalNeededRial: 150_000_000n });
      expect(await db.auditLog.count({ where: { entityId: plan.id, action: 'employment.createPlan' } })).toBe(1);
    });

    it("refuses a fund that may not pay for work, another center's mentor, other officers and closed households", async () => {
      const base: CreateEmploymentPlanInput = { beneficiaryId: w.beneficiary.id, kind: 'TRAINING', title: 'دوره آموزش' };
      await expect(createEmploymentPlan(ctx, w.viceChair, { ...base, fundingFund: 'KAFFARA' })).rejects.toMatchObject({ code: 'FUND_USE_NOT_ALLOWED' });
      const foreign = await createVolunteer(db, { centerId: (await createCenter(db)).id });
      await expect(createEmploymentPlan(ctx, w.viceChair, { ...base, mentorVolunteerId: foreign.id })).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_AVAILABLE' });
      await expect(createEmploymentPlan(ctx, w.donorsOfficer, base)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const closed = await createBeneficiary(db, { centerId: w.center.id, state: 'CLOSED', closedAt: NOW });
      await expect(createEmploymentPlan(ctx, w.viceChair, { ...base, beneficiaryId: closed.id })).rejects.toMatchObject({ code: 'BENEFICIARY_NOT_ACTIVE' });
    });

    it('follow-ups by the mentor or the board; a job completes the plan; nobody else may record', async () => {
      const mentor = await volunteerActor(db, w.center.id);
      const plan = await createEmploymentPlan(ctx, w.viceChair, {
        beneficiaryId: w.beneficiary.id, kind: 'JOB_PLACEMENT', title: 'کار در نانوایی', mentorVolunteerId: mentor.volunteerId, start: true,
      });
      const f1 = await recordFollowUp(ctx, mentor, { planId: plan.id, outcome: 'NEEDS_HELP', note: 'نیاز به معرفی‌نامه', nextInDays: '۱۴' });
      expect(f1).toMatchObject({ outcome: 'NEEDS_HELP', recordedById: mentor.personId, followedUpAt: NOW });
      expect(f1.nextFollowUpOn).toEqual(new Date('2026-12-10T00:00:00Z'));
      const stranger = await volunteerActor(db, w.center.id);
      for (const actor of [stranger, w.donorsOfficer, await trusteeActor(db, (await createCenter(db)).id, 'EMPLOYMENT')])
        await expect(recordFollowUp(ctx, actor, { planId: plan.id, outcome: 'ON_TRACK' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await recordFollowUp(ctx, await trusteeActor(db, w.center.id, 'EMPLOYMENT'), { planId: plan.id, outcome: 'EMPLOYED' });
      expect(await db.employmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ state: 'COMPLETED', completedAt: NOW });
      await expect(recordFollowUp(ctx, mentor, { planId: plan.id, outcome: 'ON_TRACK' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(await db.auditLog.count({ where: { entityId: plan.id, action: 'employment.recordFollowUp' } })).toBe(2);
    });
  });
});
