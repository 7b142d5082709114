/**
 * ARCHIVE_DESTRUCTION (rule 4: archives are destroyed only with Imdad's
 * permission): approving marks the document DESTROYED, linked to the request;
 * rejecting keeps it. The requester is told either way.
 */
import type { ApprovalHandler, ApprovalHandlers } from '../approvals/registry.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import type { Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notifyPerson } from '../outbox.ts';
import { loadCenterScope } from './center-scope.ts';

async function loadRequested(tx: Tx, documentId: string) {
  const doc = await tx.archiveDocument.findUnique({ where: { id: documentId } });
  if (!doc) throw new DomainError('NOT_FOUND');
  if (doc.state !== 'DESTRUCTION_REQUESTED') throw new DomainError('INVALID_STATE');
  return doc;
}

const archiveDestruction: ApprovalHandler = {
  action: 'archive.approveDestruction',
  secondPerson: true,
  async scope(tx, request) {
    const doc = await tx.archiveDocument.findUnique({ where: { id: request.targetId }, select: { centerId: true } });
    if (!doc) throw new DomainError('NOT_FOUND');
    return loadCenterScope(tx, doc.centerId);
  },
  async approve(tx, ctx, actor, request) {
    const doc = await loadRequested(tx, request.targetId);
    const now = ctx.clock.now();
    await tx.archiveDocument.update({
      where: { id: doc.id },
      data: { state: 'DESTROYED', destroyedAt: now, destroyedById: personOf(actor), destructionApprovalId: request.id },
    });
    await audit(tx, actor, {
      action: 'archive.destroy',
      entity: 'ArchiveDocument',
      entityId: doc.id,
      before: { state: doc.state },
      after: { state: 'DESTROYED', destroyedAt: now, approvalRequestId: request.id },
    });
    await notifyPerson(tx, request.requestedById, {
      template: 'archive.destructionApproved',
      params: { title: doc.title },
      dedupeKey: `archive.destructionApproved:${request.id}`,
    });
  },
  async reject(tx, _ctx, actor, request, reason) {
    const doc = await loadRequested(tx, request.targetId);
    await tx.archiveDocument.update({ where: { id: doc.id }, data: { state: 'KEPT' } });
    await audit(tx, actor, {
      action: 'archive.keep',
      entity: 'ArchiveDocument',
      entityId: doc.id,
      before: { state: doc.state },
      after: { state: 'KEPT', reason },
    });
    await notifyPerson(tx, request.requestedById, {
      template: 'archive.destructionRejected',
      params: { title: doc.title, reason },
      dedupeKey: `archive.destructionRejected:${request.id}`,
    });
  },
};

export const workApprovalHandlers: ApprovalHandlers = { ARCHIVE_DESTRUCTION: archiveDestruction };
