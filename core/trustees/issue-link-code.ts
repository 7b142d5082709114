/**
 * Staff issue an appointed trustee a one-time code to link their chat account
 * to the membership. The plain code is returned once (to show to the trustee)
 * and only its hash is stored; a new code revokes the previous open one.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { hashLinkCode, newLinkCode } from './link-code.ts';
import { centerScope, loadMembership } from './membership.ts';

export const issueLinkCodeInput = z.object({ membershipId: id });
export type IssueLinkCodeInput = z.input<typeof issueLinkCodeInput>;

/** The plain code (shown once, never stored), when it expires, and its row. */
export interface IssuedLinkCode {
  code: string;
  expiresAt: Date;
  linkCodeId: string;
}

export async function issueLinkCode(ctx: Ctx, actor: Actor, raw: IssueLinkCodeInput): Promise<IssuedLinkCode> {
  const input = parseInput(issueLinkCodeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const m = await loadMembership(tx, input.membershipId);
    authorize(actor, 'trustee.issueLinkCode', centerScope(m.center));
    if (m.state !== 'APPOINTED') throw new DomainError('TRUSTEE_NOT_APPOINTED', { state: m.state });
    const now = ctx.clock.now();
    const revoked = await tx.trusteeLinkCode.updateMany({
      where: { membershipId: m.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const code = newLinkCode();
    const expiresAt = new Date(now.getTime() + ctx.settings.linkCodeTtlHours * 3600_000);
    const row = await tx.trusteeLinkCode.create({
      data: {
        membershipId: m.id,
        codeHash: hashLinkCode(code),
        expiresAt,
        createdAt: now,
        createdById: actor.kind === 'staff' ? actor.staffUserId : null,
      },
    });
    // The audit row never holds the code itself.
    await audit(tx, actor, {
      action: 'trustee.issueLinkCode',
      entity: 'TrusteeLinkCode',
      entityId: row.id,
      after: { membershipId: m.id, expiresAt, revokedPrevious: revoked.count },
    });
    return { code, expiresAt, linkCodeId: row.id };
  });
}
