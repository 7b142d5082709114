/**
 * A household's needs, by category and priority (read-only: recorded on the household and
 * routed to a network through core). Scoped like households; a need names its household by
 * reference code only, so nothing here identifies a family.
 */
import type { ResourceWithOptions } from 'adminjs';
import { needActions } from './actions/beneficiary.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { NAV } from './shared.ts';

export function beneficiaryNeedResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'BeneficiaryNeed',
    navigation: NAV.beneficiaries,
    titleProperty: 'title',
    listProperties: ['beneficiary', 'category', 'priority', 'state', 'routedNetwork', 'createdAt'],
    showProperties: ['beneficiary', 'category', 'priority', 'state', 'description', 'estimatedCostRial', 'routedNetwork', 'routedAt', 'metAt', 'createdAt'],
    properties: { description: { type: 'textarea' }, centerId: { isVisible: false } },
    settings: {
      include: { beneficiary: { select: { centerId: true, referenceCode: true } } },
      virtuals: {
        title: { value: (row) => (row.beneficiary as { referenceCode?: string } | null)?.referenceCode },
        // The household's center: which buttons show and which networks the picker offers.
        centerId: { value: (row) => (row.beneficiary as { centerId?: string } | null)?.centerId },
      },
      money: ['estimatedCostRial'],
      // Indexed: (beneficiaryId, state), (routedNetworkId, state), (state, priority).
      sortable: ['createdAt'],
      filterable: ['beneficiary', 'category', 'priority', 'state', 'routedNetwork'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
    actions: needActions(ctx),
  });
}
