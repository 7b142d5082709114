import { z } from 'zod';
import { BeneficiaryState } from '../../prisma/generated/client/enums.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput, positiveInt } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { beneficiaryView, type BeneficiaryView } from './beneficiary-view.ts';

export const listBeneficiariesInput = z.object({
  centerId: id,
  state: z.enum(BeneficiaryState, { message: 'VALIDATION' }).optional(),
  limit: positiveInt(200).default(50),
  /** Id of the last household of the previous page. */
  after: id.optional(),
});
export type ListBeneficiariesInput = z.input<typeof listBeneficiariesInput>;

/** A center's households, newest first; identity only for those the field rule allows. */
export async function listBeneficiaries(ctx: Ctx, actor: Actor, raw: ListBeneficiariesInput): Promise<BeneficiaryView[]> {
  const input = parseInput(listBeneficiariesInput, raw);
  const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true, licenseState: true } });
  if (!center) throw new DomainError('NOT_FOUND');
  const scope = { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState };
  authorize(actor, 'beneficiary.read', scope);
  const rows = await ctx.db.beneficiary.findMany({
    where: { centerId: center.id, ...(input.state ? { state: input.state } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    ...(input.after ? { cursor: { id: input.after }, skip: 1 } : {}),
  });
  return rows.map((b) => beneficiaryView(actor, scope, b));
}
