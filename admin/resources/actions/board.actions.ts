/**
 * A board's and a center's people in the panel, each a core use-case. Trustees: county
 * staff or the chair propose a candidate; county staff send them to vetting and record each
 * office's answer; Imdad appoints with the decree (the chair asks Imdad for the officers'
 * appointment), records a signed acknowledgement of the conduct points, and ends an
 * appointment. Volunteers: county staff send an applicant to vetting and decide it (the
 * volunteer hears the decision in the bot); the center's officers and county staff
 * deactivate a volunteer and add or remove them from a network.
 */
import type { Action, ActionResponse } from 'adminjs';
import { acknowledgeConductInput } from '../../../core/trustees/acknowledge-conduct.ts';
import { appointTrusteeInput } from '../../../core/trustees/appoint-trustee.ts';
import { endAppointmentInput } from '../../../core/trustees/end-appointment.ts';
import { proposeTrusteeInput } from '../../../core/trustees/propose-trustee.ts';
import { recordClearanceInput } from '../../../core/trustees/record-clearance.ts';
import { sendToVettingInput } from '../../../core/trustees/send-to-vetting.ts';
import { deactivateVolunteerInput } from '../../../core/volunteers/deactivate-volunteer.ts';
import { joinNetworkInput } from '../../../core/volunteers/join-network.ts';
import { leaveNetworkInput } from '../../../core/volunteers/leave-network.ts';
import { sendVolunteerToVettingInput } from '../../../core/volunteers/send-volunteer-to-vetting.ts';
import { updateVolunteerInput } from '../../../core/volunteers/update-volunteer.ts';
import { vetVolunteerInput } from '../../../core/volunteers/vet-volunteer.ts';
import type { DefineContext } from '../define.ts';
import { coreAction } from './core-action.ts';

type Actions = Record<string, Partial<Action<ActionResponse>>>;
type Params = Record<string, unknown>;

const inState = (...states: string[]) => (record: Params) => states.includes(String(record.state));

export function trusteeMembershipActions(ctx: DefineContext): Actions {
  const membership = { resource: 'TrusteeMembership', record: 'membershipId' } as const;
  return {
    proposeTrustee: coreAction(ctx, {
      resource: 'TrusteeMembership',
      name: 'proposeTrustee',
      icon: 'UserPlus',
      variant: 'primary',
      input: proposeTrusteeInput,
      useCase: (core) => core.trustees.proposeTrustee,
      policy: 'trustee.propose',
      relations: { centerId: 'Center', personId: 'Person' },
    }),
    sendToVetting: coreAction(ctx, {
      ...membership,
      name: 'sendToVetting',
      icon: 'Send',
      input: sendToVettingInput,
      useCase: (core) => core.trustees.sendToVetting,
      policy: 'trustee.vet',
      records: inState('PROPOSED'),
    }),
    recordClearance: coreAction(ctx, {
      ...membership,
      name: 'recordClearance',
      icon: 'ShieldCheck',
      input: recordClearanceInput,
      useCase: (core) => core.trustees.recordClearance,
      policy: 'trustee.vet',
      records: inState('VETTING'),
      multiline: ['note'],
    }),
    // Imdad appoints (its own decree for the chair and vice-chair; its approval given for the others).
    appointTrustee: coreAction(ctx, {
      ...membership,
      name: 'appointTrustee',
      icon: 'Award',
      variant: 'success',
      input: appointTrusteeInput,
      useCase: (core) => core.trustees.appointTrustee,
      policy: 'trustee.approve',
      records: inState('VETTING'),
    }),
    // The chair appoints the other members; the appointment waits for Imdad's approval.
    requestAppointment: coreAction(ctx, {
      ...membership,
      name: 'requestAppointment',
      icon: 'Award',
      input: appointTrusteeInput,
      useCase: (core) => core.trustees.appointTrustee,
      policy: 'trustee.appointOther',
      records: (m) => m.state === 'VETTING' && !['CHAIR', 'VICE_CHAIR'].includes(String(m.role)),
    }),
    acknowledgeConduct: coreAction(ctx, {
      ...membership,
      name: 'acknowledgeConduct',
      icon: 'CheckSquare',
      input: acknowledgeConductInput,
      useCase: (core) => core.trustees.acknowledgeConduct,
      policy: 'trustee.recordConduct',
      records: (m) => m.state === 'APPOINTED' && !m.conductAcknowledgedAt,
    }),
    endAppointment: coreAction(ctx, {
      ...membership,
      name: 'endAppointment',
      icon: 'UserMinus',
      variant: 'danger',
      input: endAppointmentInput,
      useCase: (core) => core.trustees.endAppointment,
      policy: 'trustee.end',
      records: inState('APPOINTED'),
      multiline: ['reason'],
    }),
  };
}

export function volunteerActions(ctx: DefineContext): Actions {
  const volunteer = { resource: 'Volunteer', record: 'volunteerId' } as const;
  return {
    updateVolunteer: coreAction(ctx, {
      ...volunteer,
      name: 'updateVolunteer',
      input: updateVolunteerInput,
      useCase: (core) => core.volunteers.updateVolunteer,
      policy: 'network.manage',
      prefill: true,
      multiline: ['skills', 'note'],
    }),
    sendVolunteerToVetting: coreAction(ctx, {
      ...volunteer,
      name: 'sendVolunteerToVetting',
      icon: 'Send',
      input: sendVolunteerToVettingInput,
      useCase: (core) => core.volunteers.sendVolunteerToVetting,
      policy: 'volunteer.vet',
      records: inState('APPLIED'),
    }),
    vetVolunteer: coreAction(ctx, {
      ...volunteer,
      name: 'vetVolunteer',
      icon: 'ShieldCheck',
      variant: 'primary',
      input: vetVolunteerInput,
      useCase: (core) => core.volunteers.vetVolunteer,
      policy: 'volunteer.vet',
      records: inState('VETTING'),
      multiline: ['reason'],
    }),
    deactivateVolunteer: coreAction(ctx, {
      ...volunteer,
      name: 'deactivateVolunteer',
      icon: 'UserMinus',
      variant: 'danger',
      input: deactivateVolunteerInput,
      useCase: (core) => core.volunteers.deactivateVolunteer,
      policy: 'volunteer.deactivate',
      records: inState('ACTIVE'),
      multiline: ['reason'],
    }),
    joinNetwork: coreAction(ctx, {
      ...volunteer,
      name: 'joinNetwork',
      icon: 'Share2',
      input: joinNetworkInput,
      useCase: (core) => core.volunteers.joinNetwork,
      policy: 'network.join',
      records: inState('ACTIVE'),
    }),
    leaveNetwork: coreAction(ctx, {
      ...volunteer,
      name: 'leaveNetwork',
      icon: 'LogOut',
      input: leaveNetworkInput,
      useCase: (core) => core.volunteers.leaveNetwork,
      policy: 'network.join',
      records: inState('ACTIVE'),
    }),
  };
}
