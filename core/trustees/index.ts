import type { Actor } from '../actor.ts';
import type { ApprovalHandlers } from '../approvals/registry.ts';
import type { Ctx } from '../context.ts';
import { appointTrustee, trusteeAppointmentHandler } from './appoint-trustee.ts';
import { endAppointment } from './end-appointment.ts';
import { issueLinkCode } from './issue-link-code.ts';
import { listMyMemberships } from './list-my-memberships.ts';
import { proposeTrustee } from './propose-trustee.ts';
import { redeemLinkCode } from './redeem-link-code.ts';
import { sendToVetting } from './send-to-vetting.ts';

export function trusteesUseCases(ctx: Ctx) {
  return {
    proposeTrustee: (actor: Actor, input: unknown) => proposeTrustee(ctx, actor, input),
    sendToVetting: (actor: Actor, input: unknown) => sendToVetting(ctx, actor, input),
    appointTrustee: (actor: Actor, input: unknown) => appointTrustee(ctx, actor, input),
    endAppointment: (actor: Actor, input: unknown) => endAppointment(ctx, actor, input),
    issueLinkCode: (actor: Actor, input: unknown) => issueLinkCode(ctx, actor, input),
    redeemLinkCode: (actor: Actor, input: unknown) => redeemLinkCode(ctx, actor, input),
    listMyMemberships: (actor: Actor, input: unknown) => listMyMemberships(ctx, actor, input),
  };
}

export const trusteesApprovalHandlers: ApprovalHandlers = { TRUSTEE_APPOINTMENT: trusteeAppointmentHandler };
