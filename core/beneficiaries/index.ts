import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { closeBeneficiary } from './close-beneficiary.ts';
import { createEmploymentPlan } from './create-employment-plan.ts';
import { getBeneficiary } from './get-beneficiary.ts';
import { listBeneficiaries } from './list-beneficiaries.ts';
import { markSelfSufficient } from './mark-self-sufficient.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { recordNeed } from './record-need.ts';
import { registerBeneficiary } from './register-beneficiary.ts';
import { routeNeedToNetwork } from './route-need-to-network.ts';

export function beneficiariesUseCases(ctx: Ctx) {
  return {
    registerBeneficiary: (actor: Actor, input: unknown) => registerBeneficiary(ctx, actor, input),
    recordNeed: (actor: Actor, input: unknown) => recordNeed(ctx, actor, input),
    closeBeneficiary: (actor: Actor, input: unknown) => closeBeneficiary(ctx, actor, input),
    markSelfSufficient: (actor: Actor, input: unknown) => markSelfSufficient(ctx, actor, input),
    getBeneficiary: (actor: Actor, input: unknown) => getBeneficiary(ctx, actor, input),
    listBeneficiaries: (actor: Actor, input: unknown) => listBeneficiaries(ctx, actor, input),
    routeNeedToNetwork: (actor: Actor, input: unknown) => routeNeedToNetwork(ctx, actor, input),
    createEmploymentPlan: (actor: Actor, input: unknown) => createEmploymentPlan(ctx, actor, input),
    recordFollowUp: (actor: Actor, input: unknown) => recordFollowUp(ctx, actor, input),
  };
}
