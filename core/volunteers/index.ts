import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { applyAsVolunteer } from './apply-as-volunteer.ts';
import { deactivateVolunteer } from './deactivate-volunteer.ts';
import { joinNetwork } from './join-network.ts';
import { leaveNetwork } from './leave-network.ts';
import { listMyNetworks } from './list-my-networks.ts';
import { listMyVolunteering } from './list-my-volunteering.ts';
import { listNetworkMembers } from './list-network-members.ts';
import { sendVolunteerToVetting } from './send-volunteer-to-vetting.ts';
import { vetVolunteer } from './vet-volunteer.ts';

export { volunteersApprovalHandlers } from './approval-handlers.ts';

export function volunteersUseCases(ctx: Ctx) {
  return {
    applyAsVolunteer: (actor: Actor, input: unknown) => applyAsVolunteer(ctx, actor, input),
    sendVolunteerToVetting: (actor: Actor, input: unknown) => sendVolunteerToVetting(ctx, actor, input),
    vetVolunteer: (actor: Actor, input: unknown) => vetVolunteer(ctx, actor, input),
    deactivateVolunteer: (actor: Actor, input: unknown) => deactivateVolunteer(ctx, actor, input),
    joinNetwork: (actor: Actor, input: unknown) => joinNetwork(ctx, actor, input),
    leaveNetwork: (actor: Actor, input: unknown) => leaveNetwork(ctx, actor, input),
    listNetworkMembers: (actor: Actor, input: unknown) => listNetworkMembers(ctx, actor, input),
    listMyNetworks: (actor: Actor, input: unknown) => listMyNetworks(ctx, actor, input),
    listMyVolunteering: (actor: Actor, input: unknown) => listMyVolunteering(ctx, actor, input),
  };
}
