/**
 * Aid handed to households. No plain create, edit or delete: recording and handing out are
 * core actions (distribution.actions.ts); the chair's approval above the threshold is an
 * ApprovalRequest DISTRIBUTION.
 */
import type { ResourceWithOptions } from 'adminjs';
import { distributionActions } from './actions/distribution.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { amountOrItem, NAV } from './shared.ts';

export function distributionResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Distribution',
    navigation: NAV.beneficiaries,
    // Its amount in Rial and Toman (or what is given), not the bare stored Rials.
    titleProperty: 'summary',
    // The household by its reference code: a board that helped a household of another center's
    // area (rule 8) may not open that household's record, but reads the code it typed.
    listProperties: ['center', 'householdCode', 'fund', 'kind', 'amountRial', 'state', 'createdAt', 'distributedAt'],
    showProperties: [
      'center', 'householdCode', 'beneficiary', 'fund', 'kind', 'state', 'amountRial', 'itemDescription', 'quantity', 'unit', 'estimatedValueRial',
      'serviceDescription', 'serviceHours', 'approvedBy', 'approvedAt', 'distributedBy', 'distributedAt', 'cancelledAt', 'cancelReason',
      'note', 'createdAt',
    ],
    actions: distributionActions(ctx),
    settings: {
      include: { beneficiary: { select: { referenceCode: true } } },
      virtuals: {
        summary: { value: (row, lng) => amountOrItem(row, lng) },
        householdCode: { value: (row) => (row.beneficiary as { referenceCode?: string } | null)?.referenceCode },
      },
      money: ['amountRial', 'estimatedValueRial'],
      // Indexed: (centerId, fund, state), (centerId, distributedAt), (distributedAt), (beneficiaryId, createdAt).
      sortable: ['distributedAt', 'createdAt'],
      filterable: ['center', 'beneficiary', 'state', 'fund', 'kind'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
