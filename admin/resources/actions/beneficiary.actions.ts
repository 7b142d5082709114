/**
 * Households in the panel, each a core use-case: register one (with its consent), record
 * its needs, close its file or mark it self-sufficient, start an employment plan and follow
 * it up, route a need to one of the center's volunteer networks or answer it with aid from
 * a fund (a distribution naming the need, so handing it over can mark the need met). Core's schemas are the one
 * truth for what a form accepts (mobile, national ID, members, Persian digits); there is no
 * plain edit around them.
 */
import type { Action, ActionResponse } from 'adminjs';
import { closeBeneficiaryInput } from '../../../core/beneficiaries/close-beneficiary.ts';
import { createEmploymentPlanInput } from '../../../core/beneficiaries/create-employment-plan.ts';
import { markSelfSufficientInput } from '../../../core/beneficiaries/mark-self-sufficient.ts';
import { recordFollowUpInput } from '../../../core/beneficiaries/record-follow-up.ts';
import { recordNeedInput } from '../../../core/beneficiaries/record-need.ts';
import { registerBeneficiaryInput } from '../../../core/beneficiaries/register-beneficiary.ts';
import { routeNeedToNetworkInput } from '../../../core/beneficiaries/route-need-to-network.ts';
import { startEmploymentPlanInput } from '../../../core/beneficiaries/start-employment-plan.ts';
import { recordDistributionInput } from '../../../core/funds/record-distribution.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

type Actions = Record<string, Partial<Action<ActionResponse>>>;
type Params = Record<string, unknown>;

const inState = (...states: string[]) => (record: Params) => states.includes(String(record.state));
/** Pickers limited to the record's own center (core refuses anything else anyway). */
const ofCenter = (record: Params) => ({ center: String(record.centerId ?? record.center ?? '') });

export function beneficiaryActions(ctx: DefineContext): Actions {
  const household = { resource: 'Beneficiary', record: 'beneficiaryId' } as const;
  return {
    registerBeneficiary: coreAction(ctx, {
      resource: 'Beneficiary',
      name: 'registerBeneficiary',
      icon: 'UserPlus',
      variant: 'primary',
      input: registerBeneficiaryInput,
      useCase: (core) => core.beneficiaries.registerBeneficiary,
      policy: 'beneficiary.write',
      relations: { centerId: 'Center' },
      multiline: ['address', 'employmentCapabilities'],
    }),
    recordNeed: coreAction(ctx, {
      ...household,
      name: 'recordNeed',
      icon: 'PlusCircle',
      input: recordNeedInput,
      useCase: (core) => core.beneficiaries.recordNeed,
      policy: 'beneficiary.write',
      records: inState('ACTIVE'),
      labels: 'BeneficiaryNeed',
      multiline: ['description'],
      redirect: (need) => ({ resource: 'BeneficiaryNeed', id: need.id }),
    }),
    createEmploymentPlan: coreAction(ctx, {
      ...household,
      name: 'createEmploymentPlan',
      icon: 'Briefcase',
      input: createEmploymentPlanInput,
      useCase: (core) => core.beneficiaries.createEmploymentPlan,
      policy: 'employment.write',
      records: inState('ACTIVE'),
      labels: 'EmploymentPlan',
      relations: {
        mentorVolunteerId: { resource: 'Volunteer', filter: (b) => ({ ...ofCenter(b), state: 'ACTIVE' }) },
        networkId: { resource: 'Network', filter: (b) => ({ ...ofCenter(b), active: 'true' }) },
      },
      multiline: ['description'],
      redirect: (plan) => ({ resource: 'EmploymentPlan', id: plan.id }),
    }),
    markSelfSufficient: coreAction(ctx, {
      ...household,
      name: 'markSelfSufficient',
      icon: 'Award',
      variant: 'success',
      input: markSelfSufficientInput,
      useCase: (core) => core.beneficiaries.markSelfSufficient,
      policy: 'beneficiary.write',
      records: inState('ACTIVE'),
    }),
    closeBeneficiary: coreAction(ctx, {
      ...household,
      name: 'closeBeneficiary',
      icon: 'XCircle',
      variant: 'danger',
      input: closeBeneficiaryInput,
      useCase: (core) => core.beneficiaries.closeBeneficiary,
      policy: 'beneficiary.write',
      records: inState('ACTIVE'),
      multiline: ['reason'],
    }),
  };
}

export function needActions(ctx: DefineContext): Actions {
  return {
    // Aid for this need from one of the center's funds: the need names the household, the
    // center and the use (its category); core checks the fund and asks the chair above the threshold.
    answerNeed: coreAction(ctx, {
      resource: 'BeneficiaryNeed',
      record: 'needId',
      name: 'answerNeed',
      icon: 'Gift',
      variant: 'primary',
      input: recordDistributionInput,
      useCase: (core) => core.funds.recordDistribution,
      policy: 'distribution.create',
      records: inState('OPEN', 'IN_PROGRESS'),
      fromRecord: { beneficiaryId: 'beneficiary', centerId: 'centerId' },
      // The household is the need's own; another area's household is named on the Distribution list.
      hidden: ['purpose', 'householdReferenceCode'],
      notice: (d) => (d.state === 'PENDING_APPROVAL' ? 'distributionAwaitsApproval' : 'answerNeed'),
      labels: 'Distribution',
      multiline: ['itemDescription', 'serviceDescription', 'note'],
      redirect: (distribution) => ({ resource: 'Distribution', id: distribution.id }),
    }),
    routeNeedToNetwork: coreAction(ctx, {
      resource: 'BeneficiaryNeed',
      record: 'needId',
      name: 'routeNeedToNetwork',
      icon: 'Share2',
      input: routeNeedToNetworkInput,
      useCase: (core) => core.beneficiaries.routeNeedToNetwork,
      policy: 'beneficiary.write',
      records: inState('OPEN', 'IN_PROGRESS'),
      relations: { networkId: { resource: 'Network', filter: (n) => ({ ...ofCenter(n), active: 'true' }) } },
    }),
  };
}

export function employmentPlanActions(ctx: DefineContext): Actions {
  return {
    startEmploymentPlan: coreAction(ctx, {
      resource: 'EmploymentPlan',
      record: 'planId',
      name: 'startEmploymentPlan',
      icon: 'Play',
      variant: 'success',
      input: startEmploymentPlanInput,
      useCase: (core) => core.beneficiaries.startEmploymentPlan,
      policy: 'employment.write',
      records: inState('DRAFT'),
    }),
    recordFollowUp: coreAction(ctx, {
      resource: 'EmploymentPlan',
      record: 'planId',
      name: 'recordFollowUp',
      icon: 'MessageSquare',
      input: recordFollowUpInput,
      useCase: (core) => core.beneficiaries.recordFollowUp,
      policy: 'employment.write',
      records: inState('ACTIVE'),
      multiline: ['note'],
    }),
  };
}
