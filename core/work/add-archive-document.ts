/** A financial or administrative document enters the center's archive (rule 4). */
import { z } from 'zod';
import type { ArchiveDocument } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { id, optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { loadCenterScope } from './center-scope.ts';
import { instant } from './create-task.ts';

export const archiveDocumentKind = z.enum(
  ['FINANCIAL', 'ADMINISTRATIVE', 'MINUTES', 'DECREE', 'CORRESPONDENCE', 'BENEFICIARY_FILE', 'TRUSTEE_FILE', 'VOLUNTEER_FILE', 'OTHER'],
  { message: 'VALIDATION' },
);

export const addArchiveDocumentInput = z.object({
  centerId: id,
  kind: archiveDocumentKind,
  title: text(300),
  referenceNo: optionalText(100),
  documentDate: instant.optional(),
  fileRef: optionalText(500),
  physicalLocation: optionalText(300),
});
export type AddArchiveDocumentInput = z.input<typeof addArchiveDocumentInput>;

export async function addArchiveDocument(ctx: Ctx, actor: Actor, raw: AddArchiveDocumentInput): Promise<ArchiveDocument> {
  const input = parseInput(addArchiveDocumentInput, raw);
  return inTransaction(ctx, async (tx) => {
    const scope = await loadCenterScope(tx, input.centerId);
    authorize(actor, 'archive.write', scope);
    const doc = await tx.archiveDocument.create({
      data: {
        centerId: input.centerId,
        kind: input.kind,
        title: input.title,
        referenceNo: input.referenceNo ?? null,
        documentDate: input.documentDate ?? null,
        fileRef: input.fileRef ?? null,
        physicalLocation: input.physicalLocation ?? null,
      },
    });
    await audit(tx, actor, { action: 'archive.add', entity: 'ArchiveDocument', entityId: doc.id, after: doc });
    return doc;
  });
}
