/**
 * Attaches a messenger account to a donor's person (a legal donor's contact
 * person), so the bot recognises them and confirmations reach them. An account
 * already linked to someone else is refused (CONFLICT): unlinking is explicit.
 */
import { z } from 'zod';
import type { ChatAccount } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, type Scope } from '../policy.ts';

export const linkChatAccountInput = z.object({
  donorId: id,
  chatAccountId: id,
});
export type LinkChatAccountInput = z.input<typeof linkChatAccountInput>;

export async function linkChatAccount(ctx: Ctx, actor: Actor, raw: LinkChatAccountInput): Promise<ChatAccount> {
  const input = parseInput(linkChatAccountInput, raw);
  return inTransaction(ctx, async (tx) => {
    const donor = await tx.donor.findUnique({ where: { id: input.donorId }, include: { recruitedByCenter: true } });
    if (!donor) throw new DomainError('NOT_FOUND', { entity: 'Donor' });
    const c = donor.recruitedByCenter;
    const scope: Scope = { ownerDonorId: donor.id, centerId: c?.id, countyId: c?.countyId, licenseState: c?.licenseState };
    authorize(actor, 'donor.update', scope);
    if (donor.mergedIntoId) throw new DomainError('DONOR_MERGED');
    const personId = donor.personId ?? donor.contactPersonId;
    if (!personId) throw new DomainError('INVALID_STATE', {}, 'legal donor without a contact person');

    const chat = await tx.chatAccount.findUnique({ where: { id: input.chatAccountId } });
    if (!chat) throw new DomainError('NOT_FOUND', { entity: 'ChatAccount' });
    if (chat.personId === personId) return chat;
    if (chat.personId) throw new DomainError('CONFLICT', {}, 'chat account linked to another person');
    const linked = await tx.chatAccount.update({ where: { id: chat.id }, data: { personId } });
    await audit(tx, actor, {
      action: 'donor.linkChat',
      entity: 'ChatAccount',
      entityId: chat.id,
      before: { personId: null },
      after: { personId, donorId: donor.id },
    });
    return linked;
  });
}
