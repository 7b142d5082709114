/**
 * A chat account redeems a trustee link code once: the account is linked to
 * the trustee's person, so the bot knows them as that trustee from now on.
 * Wrong, revoked, expired and used codes are refused; two redemptions of one
 * code at once are serialised by a lock and the second sees it used.
 */
import { z } from 'zod';
import type { TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { normalizeCode } from '../input/normalize.ts';
import { parseInput } from '../input/schemas.ts';
import { notifyChat } from '../outbox.ts';
import { hashLinkCode, LINK_CODE_LENGTH } from './link-code.ts';

export const redeemLinkCodeInput = z.object({
  code: z
    .string({ message: 'LINK_CODE_INVALID' })
    .transform(normalizeCode)
    .refine((s) => new RegExp(`^\\d{${LINK_CODE_LENGTH}}$`).test(s), { message: 'LINK_CODE_INVALID' }),
});
export type RedeemLinkCodeInput = z.input<typeof redeemLinkCodeInput>;

/** The membership the chat is now linked to. */
export interface RedeemedLinkCode {
  membershipId: string;
  centerId: string;
  role: TrusteeRole;
  personId: string;
}

export async function redeemLinkCode(ctx: Ctx, actor: Actor, raw: RedeemLinkCodeInput): Promise<RedeemedLinkCode> {
  const input = parseInput(redeemLinkCodeInput, raw);
  // Possession of the code is the authorization; it must come from a chat account.
  const chatAccountId = 'chatAccountId' in actor ? actor.chatAccountId : null;
  if (!chatAccountId) throw new DomainError('FORBIDDEN', {}, 'redeem needs a chat account');
  const codeHash = hashLinkCode(input.code);
  return inTransaction(ctx, async (tx) => {
    await lockKey(tx, `link-code:${codeHash}`);
    const code = await tx.trusteeLinkCode.findUnique({ where: { codeHash }, include: { membership: true } });
    if (!code || code.revokedAt) throw new DomainError('LINK_CODE_INVALID');
    if (code.usedAt) throw new DomainError('LINK_CODE_USED');
    const now = ctx.clock.now();
    if (code.expiresAt <= now) throw new DomainError('LINK_CODE_EXPIRED');
    if (code.membership.state !== 'APPOINTED') throw new DomainError('LINK_CODE_INVALID');
    const chat = await tx.chatAccount.findUnique({ where: { id: chatAccountId } });
    if (!chat) throw new DomainError('NOT_FOUND', {}, 'chat account');
    const personId = code.membership.personId;
    if (chat.personId && chat.personId !== personId) throw new DomainError('CHAT_LINKED_TO_OTHER_PERSON');
    await tx.trusteeLinkCode.update({ where: { id: code.id }, data: { usedAt: now, usedByChatAccountId: chat.id } });
    await tx.chatAccount.update({ where: { id: chat.id }, data: { personId } });
    await audit(tx, actor, {
      action: 'trustee.linkChat',
      entity: 'ChatAccount',
      entityId: chat.id,
      before: { personId: chat.personId },
      after: { personId, membershipId: code.membershipId, linkCodeId: code.id },
    });
    await notifyChat(tx, chat.id, {
      template: 'trustee.linked',
      params: { role: code.membership.role },
      dedupeKey: `trustee.linked:${code.id}`,
    });
    return { membershipId: code.membershipId, centerId: code.membership.centerId, role: code.membership.role, personId };
  });
}
