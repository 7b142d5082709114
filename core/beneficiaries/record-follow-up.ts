import { z } from 'zod';
import { FollowUpOutcome } from '../../prisma/generated/client/enums.ts';
import type { EmploymentFollowUp, EmploymentPlanState } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { jalaliToDbDate, toJalali } from '../jalali.ts';
import { authorize } from '../policy.ts';

export const recordFollowUpInput = z.object({
  planId: id,
  outcome: z.enum(FollowUpOutcome, { message: 'VALIDATION' }),
  note: optionalText(2000),
  /** Follow up again in this many days (the reminder job scans the date). */
  nextInDays: positiveInt(365).optional(),
});
export type RecordFollowUpInput = z.input<typeof recordFollowUpInput>;

/** What an outcome does to the plan: a job found ends it well, dropping out ends it. */
const PLAN_AFTER: Partial<Record<FollowUpOutcome, EmploymentPlanState>> = {
  EMPLOYED: 'COMPLETED',
  SELF_SUFFICIENT: 'COMPLETED',
  DROPPED: 'ABANDONED',
};

/**
 * A follow-up of an active plan, by the board's employment workers or by the
 * plan's own mentor volunteer (who works on this case and no other).
 */
export async function recordFollowUp(ctx: Ctx, actor: Actor, raw: RecordFollowUpInput): Promise<EmploymentFollowUp> {
  const input = parseInput(recordFollowUpInput, raw);
  return inTransaction(ctx, async (tx) => {
    const plan = await tx.employmentPlan.findUnique({
      where: { id: input.planId },
      include: { center: { select: { countyId: true, licenseState: true } }, mentorVolunteer: { select: { personId: true, state: true } } },
    });
    if (!plan) throw new DomainError('NOT_FOUND');
    const isMentor = actor.kind === 'volunteer' && plan.mentorVolunteer?.state === 'ACTIVE' && plan.mentorVolunteer.personId === actor.personId;
    if (!isMentor) authorize(actor, 'employment.write', { centerId: plan.centerId, countyId: plan.center.countyId, licenseState: plan.center.licenseState });
    if (plan.state !== 'ACTIVE') throw new DomainError('INVALID_STATE');

    const now = ctx.clock.now();
    const nextFollowUpOn =
      input.nextInDays && !PLAN_AFTER[input.outcome]
        ? new Date(jalaliToDbDate(toJalali(now)).getTime() + input.nextInDays * 86_400_000)
        : null;
    const followUp = await tx.employmentFollowUp.create({
      data: { planId: plan.id, followedUpAt: now, recordedById: personOf(actor), outcome: input.outcome, note: input.note ?? null, nextFollowUpOn },
    });
    const to = PLAN_AFTER[input.outcome];
    if (to) await tx.employmentPlan.update({ where: { id: plan.id }, data: { state: to, completedAt: now } });
    await audit(tx, actor, {
      action: 'employment.recordFollowUp',
      entity: 'EmploymentPlan',
      entityId: plan.id,
      before: { state: plan.state },
      after: { state: to ?? plan.state, outcome: input.outcome, followUpId: followUp.id },
    });
    return followUp;
  });
}
