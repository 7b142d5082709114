/**
 * The board asks Imdad to destroy an archived document. Nothing is destroyed
 * here: the document is marked DESTRUCTION_REQUESTED and an ARCHIVE_DESTRUCTION
 * approval request goes to Imdad staff (approval-handlers.ts applies the decision).
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadCenterScope } from './center-scope.ts';

export const requestArchiveDestructionInput = z.object({ documentId: id, reason: text(1000) });
export type RequestArchiveDestructionInput = z.input<typeof requestArchiveDestructionInput>;

/** The document now waiting for Imdad's decision, and the request that carries it. */
export interface ArchiveDestructionRequest {
  documentId: string;
  state: 'DESTRUCTION_REQUESTED';
  approvalRequestId: string;
}

export async function requestArchiveDestruction(ctx: Ctx, actor: Actor, raw: RequestArchiveDestructionInput): Promise<ArchiveDestructionRequest> {
  const input = parseInput(requestArchiveDestructionInput, raw);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `archive:${input.documentId}`);
    const doc = await tx.archiveDocument.findUnique({ where: { id: input.documentId } });
    if (!doc) throw new DomainError('NOT_FOUND');
    const scope = await loadCenterScope(tx, doc.centerId);
    authorize(actor, 'archive.write', scope);
    if (doc.state !== 'KEPT') throw new DomainError('ARCHIVE_DOCUMENT_NOT_KEPT');
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'ARCHIVE_DESTRUCTION',
        targetEntity: 'ArchiveDocument',
        targetId: doc.id,
        centerId: doc.centerId,
        countyId: scope.countyId,
        deciderStaffRole: 'COUNTY_STAFF',
        requestedById: personOf(actor),
        requestReason: input.reason,
        requestedAt: ctx.clock.now(),
      },
    });
    await tx.archiveDocument.update({ where: { id: doc.id }, data: { state: 'DESTRUCTION_REQUESTED' } });
    await audit(tx, actor, {
      action: 'archive.requestDestruction',
      entity: 'ArchiveDocument',
      entityId: doc.id,
      before: { state: doc.state },
      after: { state: 'DESTRUCTION_REQUESTED', approvalRequestId: request.id, reason: input.reason },
    });
    return { documentId: doc.id, state: 'DESTRUCTION_REQUESTED' as const, approvalRequestId: request.id };
  });
}
