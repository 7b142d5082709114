import { bindUseCases } from '../bind.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import type { Ctx } from '../context.ts';
import { acknowledgeConduct } from './acknowledge-conduct.ts';
import { appointTrustee, trusteeAppointmentHandler } from './appoint-trustee.ts';
import { endAppointment } from './end-appointment.ts';
import { issueLinkCode } from './issue-link-code.ts';
import { listMyMemberships } from './list-my-memberships.ts';
import { proposeTrustee } from './propose-trustee.ts';
import { recordClearance } from './record-clearance.ts';
import { redeemLinkCode } from './redeem-link-code.ts';
import { sendToVetting } from './send-to-vetting.ts';

export function trusteesUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    proposeTrustee,
    sendToVetting,
    recordClearance,
    appointTrustee,
    acknowledgeConduct,
    endAppointment,
    issueLinkCode,
    redeemLinkCode,
    listMyMemberships,
  });
}

export const trusteesApprovalHandlers: ApprovalHandlers = { TRUSTEE_APPOINTMENT: trusteeAppointmentHandler };
