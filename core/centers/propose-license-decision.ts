/**
 * County staff watch their centers and propose a license decision (issue,
 * renew, suspend, reinstate, revoke, dissolve, reject an application); the
 * province office decides it through the one approval mechanism. Nothing
 * changes on the center until then.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { assertTransition, lockCenter } from './license-transition.ts';

export const LICENSE_PROPOSALS = ['ISSUED', 'REJECTED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'DISSOLVED'] as const;
export type LicenseProposal = (typeof LICENSE_PROPOSALS)[number];

export const proposeLicenseDecisionInput = z.object({
  centerId: id,
  decision: z.enum(LICENSE_PROPOSALS, { message: 'VALIDATION' }),
  reason: optionalText(1000),
  assetHandover: optionalText(2000),
  validityMonths: positiveInt(60).optional().default(12),
});
export type ProposeLicenseDecisionInput = z.input<typeof proposeLicenseDecisionInput>;

/** The approval request a proposal opened. */
export interface LicenseProposalResult {
  requestId: string;
  centerId: string;
  decision: LicenseProposal;
}

/**
 * What an approved proposal carries to the decision (stored as the request's payload). It
 * is read back with this schema: a request written by anything else (an old or hand-made
 * row) is refused in words when decided, never half-applied.
 */
export const licenseProposalPayload = z.object({
  decision: z.enum(LICENSE_PROPOSALS),
  reason: z.string().nullable().default(null),
  assetHandover: z.string().nullable().default(null),
  validityMonths: z.number().int().min(1).max(60).default(12),
});
export type LicenseProposalPayload = z.output<typeof licenseProposalPayload>;

const NEEDS_REASON: readonly LicenseProposal[] = ['REJECTED', 'SUSPENDED', 'REVOKED'];

export async function proposeLicenseDecision(ctx: Ctx, actor: Actor, raw: ProposeLicenseDecisionInput): Promise<LicenseProposalResult> {
  const input = parseInput(proposeLicenseDecisionInput, raw);
  if (NEEDS_REASON.includes(input.decision) && !input.reason) throw new DomainError('REQUIRED', { field: 'reason' });
  if (input.decision === 'DISSOLVED' && !input.assetHandover) throw new DomainError('REQUIRED', { field: 'assetHandover' });
  return inTransaction(ctx, async (tx) => {
    const center = await lockCenter(tx, input.centerId);
    authorize(actor, 'license.propose', { centerId: center.id, countyId: center.countyId });
    assertTransition(center, input.decision); // refuse now what could never be approved
    const pending = await tx.approvalRequest.findFirst({
      where: { kind: 'LICENSE_DECISION', targetEntity: 'Center', targetId: center.id, state: 'PENDING' },
      select: { id: true },
    });
    if (pending) throw new DomainError('APPROVAL_ALREADY_PENDING');
    const payload: LicenseProposalPayload = {
      decision: input.decision,
      reason: input.reason ?? null,
      assetHandover: input.assetHandover ?? null,
      validityMonths: input.validityMonths,
    };
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'LICENSE_DECISION',
        targetEntity: 'Center',
        targetId: center.id,
        centerId: center.id,
        countyId: center.countyId,
        payload,
        deciderStaffRole: 'PROVINCE_SUPERVISOR',
        requestedById: personOf(actor),
        requestReason: input.reason ?? null,
        requestedAt: ctx.clock.now(),
      },
    });
    await audit(tx, actor, { action: 'license.propose', entity: 'Center', entityId: center.id, after: { requestId: request.id, ...payload } });
    return { requestId: request.id, centerId: center.id, decision: input.decision };
  });
}
