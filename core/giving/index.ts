/** The giving area: donors, pledges and donations, bound to one context; and its approval handlers. */
import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { cancelPledge } from './cancel-pledge.ts';
import { confirmDonation } from './confirm-donation.ts';
import { createPledge } from './create-pledge.ts';
import { findDuplicateDonors } from './find-duplicate-donors.ts';
import { linkChatAccount } from './link-chat-account.ts';
import { listDonationsToReview } from './list-donations-to-review.ts';
import { markMissedInstallments } from './mark-missed-installments.ts';
import { mergeDonors } from './merge-donors.ts';
import { recordDonation } from './record-donation.ts';
import { registerDonor } from './register-donor.ts';
import { rejectDonation } from './reject-donation.ts';
import { reportDonation } from './report-donation.ts';
import { reverseDonation } from './reverse-donation.ts';
import { setDonorAnonymity } from './set-donor-anonymity.ts';
import { unmergeDonors } from './unmerge-donors.ts';
import { updateDonor } from './update-donor.ts';

export { givingApprovalHandlers } from './approval-handlers.ts';
export { cancelPledgeInput } from './cancel-pledge.ts';
export { confirmDonationInput } from './confirm-donation.ts';
export { createPledgeInput, pledgeSchedule } from './create-pledge.ts';
export { findDuplicateDonorsInput } from './find-duplicate-donors.ts';
export { linkChatAccountInput } from './link-chat-account.ts';
export { listDonationsToReviewInput, type DonationToReview, type DonationsToReview } from './list-donations-to-review.ts';
export { markMissedInstallmentsInput } from './mark-missed-installments.ts';
export { mergeDonorsInput } from './merge-donors.ts';
export { recordDonationInput } from './record-donation.ts';
export { registerDonorInput } from './register-donor.ts';
export { rejectDonationInput } from './reject-donation.ts';
export { reportDonationInput } from './report-donation.ts';
export { reverseDonationInput } from './reverse-donation.ts';
export { setDonorAnonymityInput } from './set-donor-anonymity.ts';
export { unmergeDonorsInput } from './unmerge-donors.ts';
export { updateDonorInput } from './update-donor.ts';

export function givingUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    registerDonor,
    linkChatAccount,
    setDonorAnonymity,
    findDuplicateDonors,
    mergeDonors,
    unmergeDonors,
    updateDonor,
    createPledge,
    cancelPledge,
    markMissedInstallments,
    reportDonation,
    recordDonation,
    confirmDonation,
    rejectDonation,
    listDonationsToReview,
    reverseDonation,
  });
}
