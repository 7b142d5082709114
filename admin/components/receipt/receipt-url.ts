/**
 * The address of a donation's receipt photo: served by admin/receipts/routes.ts, loaded by
 * ReceiptProof.tsx (one place for both, and inside admin/components so the bundle sees it).
 */
export const RECEIPT_FILE_ROUTE = '/admin/api/donations/:id/receipt-file';

export function receiptFileUrl(donationId: string): string {
  return RECEIPT_FILE_ROUTE.replace(':id', encodeURIComponent(donationId));
}
