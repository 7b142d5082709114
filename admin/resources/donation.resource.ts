/**
 * Donations. Never edited: a REPORTED gift is confirmed or rejected through core
 * (the finance officer of its center, or county staff); corrections are reversals.
 * Offered filters and sorts are the indexed ones (see the report for those missing).
 */
import type { ResourceWithOptions } from 'adminjs';
import { donationDecisionActions } from './actions/donation-decision.actions.ts';
import { defineResource, type DefineContext } from './define.ts';
import { countFromMonthTotals } from './donation-month-count.ts';
import { estimateCount } from './estimated-count.ts';
import { donorName } from './donor.resource.ts';
import { amountOrItem, NAV, PERSON_NAME } from './shared.ts';

export function donationResource(ctx: DefineContext): ResourceWithOptions {
  return defineResource(ctx, {
    name: 'Donation',
    navigation: NAV.giving,
    titleProperty: 'summary',
    listProperties: ['center', 'donorName', 'kind', 'fund', 'amountRial', 'state', 'paidAt', 'receiptNo'],
    showProperties: [
      'center', 'donor', 'donorName', 'pledge', 'kind', 'fund', 'state', 'amountRial', 'sandoghAccountNo', 'itemDescription', 'quantity',
      'unit', 'estimatedValueRial', 'serviceDescription', 'serviceHours', 'traceNumber', 'cardLast4', 'receiptProof', 'paidAt',
      'receiptNo', 'confirmedAt', 'confirmedBy', 'rejectedAt', 'rejectedBy', 'rejectReason', 'reverses', 'reversalReason', 'note', 'createdAt',
    ],
    settings: {
      include: { donor: { select: { organizationName: true, person: PERSON_NAME } } },
      virtuals: {
        // The finance officer knows who gave (as in core's pending decisions), even without donor records.
        donorName: { value: (row) => donorName(row.donor) },
        // Whether there is a receipt photo (its messenger file id stays hidden); the show
        // component loads it from admin/receipts/routes.ts.
        receiptProof: { value: (row) => (row.receiptFileId ? 'available' : 'none') },
        summary: { value: (row, lng) => amountOrItem(row, lng) },
      },
      money: ['amountRial', 'estimatedValueRial'],
      // Indexed: (paidAt), (centerId, paidAt), (donorId, paidAt), (centerId, state), (state, createdAt).
      sortable: ['paidAt'],
      filterable: ['center', 'state', 'fund', 'paidAt', 'donor'],
      defaultSort: { sortBy: 'paidAt', direction: 'desc' },
      // Unfiltered province-wide lists of a large table: PostgreSQL's estimate instead of count(*).
      estimateCount: (db) => estimateCount(db, 'Donation'),
      // Lists filtered to confirmed (or reversed) gifts: counted from the month totals.
      countFiltered: countFromMonthTotals,
    },
    properties: {
      // Read out and written on receipts: no separators.
      receiptNo: { custom: { plainDigits: true } },
      ...(ctx.deps.components?.ReceiptProof ? { receiptProof: { components: { show: ctx.deps.components.ReceiptProof } } } : {}),
    },
    actions: donationDecisionActions(ctx.deps.core, ctx.deps.components ?? {}),
  });
}

