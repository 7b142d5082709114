import { z } from 'zod';
import { AidKind, Fund, NeedCategory } from '../../prisma/generated/client/enums.ts';
import type { Distribution } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { personOf } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { normalizeText } from '../input/normalize.ts';
import { amount, id, optionalText, parseInput, positiveInt } from '../input/schemas.ts';
import { authorize, can } from '../policy.ts';
import { fundBalanceRial, fundLockKey } from './fund-balance.ts';
import { fundAllows } from './fund-rules.ts';
import { requestChairApproval } from './chair-approval.ts';
import { outOfAreaScope, requestOutOfAreaApproval } from './out-of-area-approval.ts';

/** A household's reference code as typed (any digits, spaces, lower case): `B-MSH-000000042`. */
const householdCode = z
  .string()
  .transform((raw) => normalizeText(raw).replace(/[\s\u200c]/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9-]{3,40}$/, { message: 'VALIDATION' }));

export const createDistributionInput = z.object({
  /** The center paying (may differ from the household's own center, rule 8). */
  centerId: id,
  /** A household of the paying center (picked from its list). */
  beneficiaryId: id.optional(),
  /**
   * Or a household of another center's area (rule 8), by the reference code Imdad's office
   * gave the board: the board may not read that household's record, only help it.
   */
  householdReferenceCode: householdCode.optional(),
  /** The need answered; its category is the use the fund must allow. */
  needId: id.optional(),
  /** The use, when no recorded need is given. */
  purpose: z.enum(NeedCategory, { message: 'VALIDATION' }).optional(),
  fund: z.enum(Fund, { message: 'VALIDATION' }),
  kind: z.enum(AidKind, { message: 'VALIDATION' }),
  amountRial: amount('RIAL').optional(),
  itemDescription: optionalText(500),
  quantity: positiveInt().optional(),
  unit: optionalText(50),
  estimatedValueRial: amount('RIAL').optional(),
  serviceDescription: optionalText(500),
  serviceHours: positiveInt(10_000).optional(),
  note: optionalText(1000),
});
export type CreateDistributionInput = z.input<typeof createDistributionInput>;

const REQUIRED_BY_KIND = { CASH: 'amountRial', IN_KIND: 'itemDescription', SERVICE: 'serviceDescription' } as const;

/**
 * Aid from a center's fund to a household. The fund must allow the use; cash
 * never takes the fund below zero (checked under the fund's lock, so two
 * distributions at once cannot both spend the same money); above the
 * configured amount it waits for the chair's approval, and for a household of
 * another center's area first for Imdad's office (fundsApprovalHandlers).
 */
export async function createDistribution(ctx: Ctx, actor: Actor, raw: CreateDistributionInput): Promise<Distribution> {
  const input = parseInput(createDistributionInput, raw);
  const field = REQUIRED_BY_KIND[input.kind];
  if (input[field] === undefined) throw new DomainError('REQUIRED', { field });
  // Only the fields of the kind are kept (the row's CHECKs reject the others).
  const kindFields =
    input.kind === 'CASH'
      ? { amountRial: input.amountRial! }
      : input.kind === 'IN_KIND'
        ? { itemDescription: input.itemDescription!, quantity: input.quantity ?? null, unit: input.unit ?? null, estimatedValueRial: input.estimatedValueRial ?? null }
        : { serviceDescription: input.serviceDescription!, serviceHours: input.serviceHours ?? null };
  // What the approval threshold compares: money paid, or the goods' estimated value.
  const valueRial = input.kind === 'CASH' ? input.amountRial! : input.kind === 'IN_KIND' ? (input.estimatedValueRial ?? 0n) : 0n;

  return inTransaction(ctx, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true, licenseState: true } });
    if (!center) throw new DomainError('NOT_FOUND');
    authorize(actor, 'distribution.create', { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState });
    if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');

    if (input.beneficiaryId && input.householdReferenceCode) throw new DomainError('VALIDATION', { field: 'householdReferenceCode' });
    if (!input.beneficiaryId && !input.householdReferenceCode) throw new DomainError('REQUIRED', { field: 'beneficiaryId' });
    const beneficiary = await tx.beneficiary.findUnique({
      where: input.beneficiaryId ? { id: input.beneficiaryId } : { referenceCode: input.householdReferenceCode! },
      select: { id: true, state: true, referenceCode: true, centerId: true, center: { select: { countyId: true } } },
    });
    if (!beneficiary) throw new DomainError('NOT_FOUND', { field: input.beneficiaryId ? 'beneficiaryId' : 'householdReferenceCode' });
    // A household of another center's area (rule 8) is helped only with the approval of
    // Imdad's office covering both centers: recorded by that office, it is approved as it is
    // written; recorded by anyone else (the board), it waits for it (out-of-area-approval.ts).
    const outOfArea = beneficiary.centerId !== center.id;
    const needsImdad = outOfArea && !can(actor, 'distribution.outOfArea', outOfAreaScope(center, beneficiary.center.countyId));
    if (beneficiary.state !== 'ACTIVE') throw new DomainError('BENEFICIARY_NOT_ACTIVE');
    let purpose = input.purpose;
    if (input.needId) {
      const need = await tx.beneficiaryNeed.findUnique({ where: { id: input.needId } });
      if (!need || need.beneficiaryId !== beneficiary.id) throw new DomainError('NOT_FOUND', { field: 'needId' });
      if (need.state === 'MET' || need.state === 'CANCELLED') throw new DomainError('INVALID_STATE', { field: 'needId' });
      if (purpose && purpose !== need.category) throw new DomainError('VALIDATION', { field: 'purpose' });
      purpose = need.category;
    }
    if (!purpose) throw new DomainError('REQUIRED', { field: 'purpose' });
    if (!fundAllows(input.fund, purpose, input.kind)) throw new DomainError('FUND_USE_NOT_ALLOWED', { fund: input.fund, purpose });

    if (input.kind === 'CASH') {
      // Serialise every spender of this fund, then read the balance they all agree on.
      await lockKey(tx, fundLockKey(center.id, input.fund));
      const balance = await fundBalanceRial(tx, center.id, input.fund);
      if (input.amountRial! > balance) throw new DomainError('INSUFFICIENT_FUND_BALANCE', { fund: input.fund });
    }

    const needsChair = valueRial > ctx.settings.distributionApprovalAboveRial;
    const waits = needsImdad || needsChair;
    const now = ctx.clock.now();
    const distribution = await tx.distribution.create({
      data: {
        centerId: center.id,
        beneficiaryId: beneficiary.id,
        needId: input.needId ?? null,
        fund: input.fund,
        kind: input.kind,
        ...kindFields,
        note: input.note ?? null,
        ...(waits ? { state: 'PENDING_APPROVAL' } : { state: 'APPROVED', approvedAt: now, approvedById: personOf(actor) }),
      },
    });
    // Imdad's office first, the chair after it (out-of-area-approval.ts says why).
    if (needsImdad)
      await requestOutOfAreaApproval(tx, ctx, distribution, {
        countyId: center.countyId,
        householdCountyId: beneficiary.center.countyId,
        householdCenterId: beneficiary.centerId,
        purpose,
        requestedById: personOf(actor),
      });
    else if (needsChair)
      await requestChairApproval(tx, ctx, distribution, { countyId: center.countyId, referenceCode: beneficiary.referenceCode, purpose, requestedById: personOf(actor) });
    await audit(tx, actor, {
      action: 'distribution.create',
      entity: 'Distribution',
      entityId: distribution.id,
      after: { ...distribution, purpose, ...(outOfArea ? { outOfArea: true, householdCenterId: beneficiary.centerId } : {}) },
    });
    return distribution;
  });
}
