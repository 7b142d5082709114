/** Pledges (read-only: taking and cancelling a pledge go through core). */
import type { ResourceWithOptions } from 'adminjs';
import { defineResource, type DefineContext } from './define.ts';
import { amountOrItem, NAV } from './shared.ts';

export function pledgeResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Pledge',
    navigation: NAV.giving,
    // Its amount in Rial and Toman (or what is given), not the bare stored Rials.
    titleProperty: 'summary',
    listProperties: ['donor', 'center', 'kind', 'fund', 'amountRial', 'schedule', 'installmentCount', 'state', 'firstDueOn'],
    showProperties: [
      'donor', 'center', 'kind', 'fund', 'amountRial', 'itemDescription', 'quantity', 'unit', 'estimatedValueRial', 'serviceDescription',
      'serviceHours', 'schedule', 'installmentCount', 'firstDueOn', 'state', 'fulfilledAt', 'cancelledAt', 'cancelReason', 'lapsedAt',
      'note', 'createdAt',
    ],
    settings: {
      virtuals: { summary: { value: (row, lng) => amountOrItem(row, lng) } },
      money: ['amountRial', 'estimatedValueRial'],
      // (centerId, state) and (donorId, state) are indexed; createdAt orders a center's page.
      sortable: ['createdAt'],
      filterable: ['center', 'donor', 'state', 'kind', 'fund', 'schedule'],
      defaultSort: { sortBy: 'createdAt', direction: 'desc' },
    },
  });
}
