/**
 * VOLUNTEER_VETTING: county staff activate a vetted volunteer or reject them
 * with a reason; the person is told either way.
 */
import type { ApprovalHandler, ApprovalHandlers } from '../approvals/registry.ts';
import { audit } from '../audit.ts';
import { DomainError } from '../errors.ts';
import { notifyPerson } from '../outbox.ts';
import { loadVolunteer } from './scope.ts';

const volunteerVetting: ApprovalHandler = {
  action: 'volunteer.vet',
  async scope(tx, request) {
    const { scope } = await loadVolunteer(tx, request.targetId);
    return scope;
  },
  async approve(tx, ctx, actor, request) {
    const { volunteer } = await loadVolunteer(tx, request.targetId);
    if (volunteer.state !== 'VETTING') throw new DomainError('INVALID_STATE');
    const now = ctx.clock.now();
    await tx.volunteer.update({
      where: { id: volunteer.id },
      data: { state: 'ACTIVE', selectionClearedAt: now, securityClearedAt: now, activatedAt: now, deactivatedAt: null },
    });
    await audit(tx, actor, {
      action: 'volunteer.activate',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before: { state: volunteer.state },
      after: { state: 'ACTIVE' },
    });
    await notifyPerson(tx, volunteer.personId, {
      template: 'volunteer.activated',
      params: { centerName: await centerName(tx, volunteer.centerId) },
      dedupeKey: `volunteer.activated:${request.id}`,
    });
  },
  async reject(tx, _ctx, actor, request, reason) {
    const { volunteer } = await loadVolunteer(tx, request.targetId);
    if (volunteer.state !== 'VETTING') throw new DomainError('INVALID_STATE');
    await tx.volunteer.update({ where: { id: volunteer.id }, data: { state: 'REJECTED', rejectReason: reason } });
    await audit(tx, actor, {
      action: 'volunteer.reject',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before: { state: volunteer.state },
      after: { state: 'REJECTED', rejectReason: reason },
    });
    await notifyPerson(tx, volunteer.personId, {
      template: 'volunteer.rejected',
      params: { centerName: await centerName(tx, volunteer.centerId), reason },
      dedupeKey: `volunteer.rejected:${request.id}`,
    });
  },
};

async function centerName(tx: Parameters<ApprovalHandler['scope']>[0], centerId: string): Promise<string> {
  return (await tx.center.findUniqueOrThrow({ where: { id: centerId }, select: { name: true } })).name;
}

export const volunteersApprovalHandlers: ApprovalHandlers = { VOLUNTEER_VETTING: volunteerVetting };
