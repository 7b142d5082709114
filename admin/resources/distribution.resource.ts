/**
 * Aid handed to households (read-only: recording, approving above the threshold and
 * handing out go through core; the chair's approval is an ApprovalRequest DISTRIBUTION).
 */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { amountOrItem, NAV } from './shared.ts';

export function distributionResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Distribution',
    navigation: NAV.beneficiaries,
    // Its amount in Rial and Toman (or what is given), not the bare stored Rials.
    titleProperty: 'summary',
    listProperties: ['center', 'beneficiary', 'fund', 'kind', 'amountRial', 'state', 'createdAt', 'distributedAt'],
    showProperties: [
      'center', 'beneficiary', 'fund', 'kind', 'state', 'amountRial', 'itemDescription', 'quantity', 'unit', 'estimatedValueRial',
      'serviceDescription', 'serviceHours', 'approvedBy', 'approvedAt', 'distributedBy', 'distributedAt', 'cancelledAt', 'cancelReason',
      'note', 'createdAt',
    ],
    settings: {
      virtuals: { summary: { value: (row, lng) => amountOrItem(row, lng) } },
      money: ['amountRial', 'estimatedValueRial'],
      // Indexed: (centerId, fund, state), (centerId, distributedAt), (distributedAt), (beneficiaryId, createdAt).
      sortable: ['distributedAt', 'createdAt'],
      filterable: ['center', 'beneficiary', 'state', 'fund', 'kind'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
