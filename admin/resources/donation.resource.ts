/**
 * Donations. Never edited: a REPORTED gift is confirmed or rejected through core
 * (the finance officer of its center, or county staff); corrections are reversals.
 * Offered filters and sorts are the indexed ones (see the report for those missing).
 */
import type { ResourceWithOptions } from 'adminjs';
import { donationDecisionActions } from './actions/donation-decision.actions.ts';
import { giftRecordActions } from './actions/gift-record.actions.ts';
import { donationReversalAction } from './actions/donation-reversal.action.ts';
import { defineResource, type DefineContext } from './define.ts';
import { reviewQueueAction } from './actions/review-queue.action.ts';
import { bankStatementsAction } from './actions/bank-statements.action.ts';
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
      // The proof first, beside what it is checked against; the rest (mostly empty for one kind) below.
      'state', 'receiptProof', 'amountRial', 'traceNumber', 'cardLast4', 'sandoghAccountNo', 'paidAt', 'center', 'donor', 'donorName', 'pledge', 'kind', 'fund',
      'itemDescription', 'quantity', 'unit', 'estimatedValueRial', 'serviceDescription', 'serviceHours',
      'receiptNo', 'confirmedAt', 'confirmedBy', 'rejectedAt', 'rejectedBy', 'rejectReason', 'reverses', 'reversalReason', 'note', 'createdAt',
    ],
    settings: {
      include: { donor: { select: { organizationName: true, person: PERSON_NAME } }, reversedBy: { select: { id: true } } },
      virtuals: {
        // The finance officer knows who gave (as in core's pending decisions), even without donor records.
        donorName: { value: (row) => donorName(row.donor) },
        // Whether there is a receipt photo (its messenger file id stays hidden); the show
        // component loads it from admin/receipts/routes.ts.
        receiptProof: { value: (row) => (row.receiptFileId ? 'available' : 'none') },
        summary: { value: (row, lng) => amountOrItem(row, lng) },
        // Whether a reversal already corrects this gift (not shown: it hides the reverse button).
        reversed: { value: (row) => (row.reversedBy ? 'yes' : 'no') },
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
      // Waiting amber, confirmed green, rejected red, reversed slate.
      ...(ctx.deps.components?.StateBadge
        ? {
            state: {
              custom: { badges: { REPORTED: '#b45309', CONFIRMED: '#15803d', REJECTED: '#b91c1c', REVERSED: '#475569' } },
              components: { list: ctx.deps.components.StateBadge, show: ctx.deps.components.StateBadge },
            },
          }
        : {}),
      ...(ctx.deps.components?.ReceiptProof ? { receiptProof: { components: { show: ctx.deps.components.ReceiptProof } } } : {}),
    },
    actions: {
      ...donationDecisionActions(ctx.deps.core, ctx.deps.components ?? {}),
      ...giftRecordActions(ctx).donation,
      reverseDonation: donationReversalAction(ctx),
      reviewQueue: reviewQueueAction(ctx.deps.core, ctx.deps.components?.ReviewQueue),
      bankStatements: bankStatementsAction(ctx.deps.core, ctx.deps.components?.BankStatements),
    },
  });
}

