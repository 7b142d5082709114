/**
 * Employment plans of households ("employment first") and their follow-ups (read-only:
 * created on the household, followed up here, both through core). A plan names its
 * household by reference code only.
 */
import type { ResourceWithOptions } from 'adminjs';
import { employmentPlanActions } from './actions/beneficiary.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { centerOwned, NAV } from './shared.ts';

export function employmentPlanResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'EmploymentPlan',
    navigation: NAV.beneficiaries,
    titleProperty: 'title',
    listProperties: ['title', 'beneficiary', 'center', 'kind', 'state', 'createdAt'],
    showProperties: [
      'title', 'beneficiary', 'center', 'kind', 'state', 'description', 'capitalNeededRial', 'fundingFund', 'mentorVolunteer', 'network',
      'startedAt', 'completedAt', 'createdAt',
    ],
    properties: { description: { type: 'textarea' } },
    settings: {
      money: ['capitalNeededRial'],
      // Indexed: (centerId, state), (beneficiaryId), (mentorVolunteerId).
      sortable: ['createdAt'],
      filterable: ['center', 'beneficiary', 'state', 'kind'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
      policyScope: centerOwned,
    },
    actions: employmentPlanActions(ctx),
  });
}
