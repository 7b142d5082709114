/** The giving area: donors, pledges and donations, bound to one context; and its approval handlers. */
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { cancelPledge } from './cancel-pledge.ts';
import { confirmDonation } from './confirm-donation.ts';
import { createPledge } from './create-pledge.ts';
import { findDuplicateDonors } from './find-duplicate-donors.ts';
import { linkChatAccount } from './link-chat-account.ts';
import { markMissedInstallments } from './mark-missed-installments.ts';
import { mergeDonors } from './merge-donors.ts';
import { registerDonor } from './register-donor.ts';
import { rejectDonation } from './reject-donation.ts';
import { reportDonation } from './report-donation.ts';
import { reverseDonation } from './reverse-donation.ts';
import { setDonorAnonymity } from './set-donor-anonymity.ts';

export { givingApprovalHandlers } from './approval-handlers.ts';
export { cancelPledgeInput } from './cancel-pledge.ts';
export { confirmDonationInput } from './confirm-donation.ts';
export { createPledgeInput, pledgeSchedule } from './create-pledge.ts';
export { findDuplicateDonorsInput } from './find-duplicate-donors.ts';
export { linkChatAccountInput } from './link-chat-account.ts';
export { markMissedInstallmentsInput } from './mark-missed-installments.ts';
export { mergeDonorsInput } from './merge-donors.ts';
export { registerDonorInput } from './register-donor.ts';
export { rejectDonationInput } from './reject-donation.ts';
export { reportDonationInput } from './report-donation.ts';
export { reverseDonationInput } from './reverse-donation.ts';
export { setDonorAnonymityInput } from './set-donor-anonymity.ts';

export function givingUseCases(ctx: Ctx) {
  return {
    registerDonor: (actor: Actor, input: unknown) => registerDonor(ctx, actor, input),
    linkChatAccount: (actor: Actor, input: unknown) => linkChatAccount(ctx, actor, input),
    setDonorAnonymity: (actor: Actor, input: unknown) => setDonorAnonymity(ctx, actor, input),
    findDuplicateDonors: (actor: Actor, input: unknown) => findDuplicateDonors(ctx, actor, input),
    mergeDonors: (actor: Actor, input: unknown) => mergeDonors(ctx, actor, input),
    createPledge: (actor: Actor, input: unknown) => createPledge(ctx, actor, input),
    cancelPledge: (actor: Actor, input: unknown) => cancelPledge(ctx, actor, input),
    markMissedInstallments: (actor: Actor, input: unknown) => markMissedInstallments(ctx, actor, input),
    reportDonation: (actor: Actor, input: unknown) => reportDonation(ctx, actor, input),
    confirmDonation: (actor: Actor, input: unknown) => confirmDonation(ctx, actor, input),
    rejectDonation: (actor: Actor, input: unknown) => rejectDonation(ctx, actor, input),
    reverseDonation: (actor: Actor, input: unknown) => reverseDonation(ctx, actor, input),
  };
}
