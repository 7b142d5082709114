import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize, can } from '../policy.ts';
import { beneficiaryScope, beneficiaryView, loadBeneficiary, type BeneficiaryView } from './beneficiary-view.ts';

export const getBeneficiaryInput = z.object({ beneficiaryId: id });
export type GetBeneficiaryInput = z.input<typeof getBeneficiaryInput>;

/** What a volunteer working on the household's case sees: the reference code and nothing else about it. */
export type BeneficiaryReference = Pick<BeneficiaryView, 'id' | 'referenceCode' | 'centerId' | 'state'>;

/** A household as the caller may see it: the case, or for a volunteer on it only its reference. */
export type BeneficiaryCase = BeneficiaryView | BeneficiaryReference;

/**
 * A volunteer works on a household only through its center: as the mentor of
 * one of its employment plans, or as a current member of a network one of its
 * needs was routed to.
 */
async function volunteerWorksOn(ctx: Ctx, personId: string, beneficiaryId: string): Promise<boolean> {
  const link = await ctx.db.volunteer.findFirst({
    where: {
      personId,
      state: 'ACTIVE',
      OR: [
        { employmentPlans: { some: { beneficiaryId } } },
        { memberships: { some: { leftAt: null, network: { routedNeeds: { some: { beneficiaryId } } } } } },
      ],
    },
    select: { id: true },
  });
  return !!link;
}

/**
 * One household. Board members and staff of its area get the case without
 * identity, plus the identity when the field rule allows (rule 5); a volunteer
 * on the case gets only its reference code; anyone else, nothing.
 */
export async function getBeneficiary(ctx: Ctx, actor: Actor, raw: GetBeneficiaryInput): Promise<BeneficiaryCase> {
  const input = parseInput(getBeneficiaryInput, raw);
  const b = await loadBeneficiary(ctx.db, input.beneficiaryId);
  const scope = beneficiaryScope(b);
  if (actor.kind === 'volunteer' && !can(actor, 'beneficiary.read', scope)) {
    if (!(await volunteerWorksOn(ctx, actor.personId, b.id))) throw new DomainError('FORBIDDEN');
    return { id: b.id, referenceCode: b.referenceCode, centerId: b.centerId, state: b.state };
  }
  authorize(actor, 'beneficiary.read', scope);
  const needs = await ctx.db.beneficiaryNeed.findMany({ where: { beneficiaryId: b.id }, orderBy: { createdAt: 'asc' } });
  return beneficiaryView(actor, scope, b, needs);
}
