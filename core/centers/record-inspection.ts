/**
 * Imdad's field inspection (نظارت) of a center. Its outcome acts on the
 * license in the same transaction (domain.md: on its results Imdad renews,
 * suspends or revokes): RENEW, SUSPEND and REVOKE are license decisions, so
 * they also need 'license.decide' (the province office); a WARN, or a report
 * without an outcome yet, any inspector of the center's area may record.
 */
import { z } from 'zod';
import { InspectionKind, InspectionOutcome, type LicenseState } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, positiveInt, text } from '../input/schemas.ts';
import { notifyPerson } from '../outbox.ts';
import { authorize } from '../policy.ts';
import { applyLicenseTransition, lockCenter, type TransitionDetails, type TransitionKind } from './license-transition.ts';
import { renewedExpiry } from './renew-license.ts';

export const recordInspectionInput = z
  .object({
    centerId: id,
    kind: z.enum(InspectionKind, { message: 'VALIDATION' }).optional().default('ROUTINE'),
    feedbackId: id.optional(),
    findings: text(4000),
    recommendations: optionalText(4000),
    outcome: z.enum(InspectionOutcome, { message: 'VALIDATION' }).optional(),
    outcomeReason: optionalText(1000),
    /** For RENEW: how many Jalali months. */
    validityMonths: positiveInt(60).optional().default(12),
  })
  // A warning, suspension or revocation is explained to the chair.
  .refine((v) => !v.outcome || v.outcome === 'RENEW' || !!v.outcomeReason, { message: 'REQUIRED', path: ['outcomeReason'] });
export type RecordInspectionInput = z.input<typeof recordInspectionInput>;

/** The inspection recorded and the license state it left. */
export interface InspectionResult {
  inspectionId: string;
  outcome: InspectionOutcome | null;
  licenseState: LicenseState;
}

const TRANSITION: Record<'RENEW' | 'SUSPEND' | 'REVOKE', TransitionKind> = { RENEW: 'RENEWED', SUSPEND: 'SUSPENDED', REVOKE: 'REVOKED' };

export async function recordInspection(ctx: Ctx, actor: Actor, raw: RecordInspectionInput): Promise<InspectionResult> {
  const input = parseInput(recordInspectionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const center = await lockCenter(tx, input.centerId);
    const scope = { centerId: center.id, countyId: center.countyId };
    authorize(actor, 'inspection.record', scope);
    if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN', {}, 'an inspector is Imdad staff');
    const outcome = input.outcome;
    if (outcome && outcome !== 'WARN') authorize(actor, 'license.decide', scope);
    if (input.feedbackId) {
      const feedback = await tx.feedback.findUnique({ where: { id: input.feedbackId }, select: { centerId: true } });
      if (!feedback || feedback.centerId !== center.id) throw new DomainError('NOT_FOUND', {}, 'feedback of this center');
    }
    const now = ctx.clock.now();
    const inspection = await tx.inspection.create({
      data: {
        centerId: center.id,
        inspectorId: actor.staffUserId,
        kind: input.kind,
        feedbackId: input.feedbackId ?? null,
        visitedAt: now,
        findings: input.findings,
        recommendations: input.recommendations ?? null,
        outcome: outcome ?? null,
        outcomeReason: input.outcomeReason ?? null,
        concludedAt: outcome ? now : null,
      },
    });
    await audit(tx, actor, { action: 'inspection.record', entity: 'Inspection', entityId: inspection.id, after: inspection });
    let licenseState = center.licenseState;
    if (outcome && outcome !== 'WARN') {
      const kind = TRANSITION[outcome];
      const details: TransitionDetails = { reason: input.outcomeReason, inspectionId: inspection.id };
      if (kind === 'RENEWED') {
        const licenseExpiresOn = renewedExpiry(center.licenseExpiresOn, now, input.validityMonths);
        Object.assign(details, { validUntil: licenseExpiresOn, centerData: { licenseExpiresOn, expiredAt: null } });
      }
      const { center: updated } = await applyLicenseTransition(tx, ctx, actor, center, kind, details);
      licenseState = updated.licenseState;
    } else if (outcome === 'WARN') {
      const chair = await tx.trusteeMembership.findFirst({ where: { centerId: center.id, role: 'CHAIR', state: 'APPOINTED' }, select: { personId: true } });
      await notifyPerson(tx, chair?.personId, {
        template: 'inspection.warned',
        params: { center: center.name, reason: input.outcomeReason ?? null },
        dedupeKey: `inspection.warned:${inspection.id}`,
      });
    }
    return { inspectionId: inspection.id, outcome: outcome ?? null, licenseState };
  });
}
