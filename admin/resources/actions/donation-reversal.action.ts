/**
 * Reversing a confirmed gift from its page (Imdad operators, core's 'donation.reverse'):
 * core adds the REVERSED entry under the fund's lock, refuses it when the money was
 * already spent, and tells the donor the reason typed here.
 */
import type { Action, ActionResponse } from 'adminjs';
import { reverseDonationInput } from '../../../core/giving/reverse-donation.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

export function donationReversalAction(ctx: DefineContext): Partial<Action<ActionResponse>> {
  return coreAction(ctx, {
    resource: 'Donation',
    name: 'reverseDonation',
    icon: 'RotateCcw',
    variant: 'danger',
    input: reverseDonationInput,
    useCase: (core) => core.giving.reverseDonation,
    policy: 'donation.reverse',
    record: 'donationId',
    // Confirmed gifts not yet reversed (core refuses a second reversal too).
    records: (donation) => donation.state === 'CONFIRMED' && donation.reversed !== 'yes',
    multiline: ['reason'],
  });
}
