import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { applyAsVolunteer } from './apply-as-volunteer.ts';
import { deactivateVolunteer } from './deactivate-volunteer.ts';
import { joinNetwork } from './join-network.ts';
import { leaveNetwork } from './leave-network.ts';
import { listMyNetworks } from './list-my-networks.ts';
import { listMyVolunteering } from './list-my-volunteering.ts';
import { listNetworkMembers } from './list-network-members.ts';
import { updateVolunteer } from './update-volunteer.ts';
import { sendVolunteerToVetting } from './send-volunteer-to-vetting.ts';
import { vetVolunteer } from './vet-volunteer.ts';

export { volunteersApprovalHandlers } from './approval-handlers.ts';

export function volunteersUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    applyAsVolunteer,
    sendVolunteerToVetting,
    vetVolunteer,
    deactivateVolunteer,
    updateVolunteer,
    joinNetwork,
    leaveNetwork,
    listNetworkMembers,
    listMyNetworks,
    listMyVolunteering,
  });
}
