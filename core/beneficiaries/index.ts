import { bindUseCases } from '../bind.ts';
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
import { startEmploymentPlan } from './start-employment-plan.ts';

export function beneficiariesUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    registerBeneficiary,
    recordNeed,
    closeBeneficiary,
    markSelfSufficient,
    getBeneficiary,
    listBeneficiaries,
    routeNeedToNetwork,
    createEmploymentPlan,
    startEmploymentPlan,
    recordFollowUp,
  });
}
