import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { Gender } from '../../prisma/generated/client/enums.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, mobile, nationalId, optionalText, parseInput, positiveInt, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { beneficiaryView, type BeneficiaryView } from './beneficiary-view.ts';

export const registerBeneficiaryInput = z.object({
  centerId: id,
  headName: text(200),
  headNationalId: nationalId.optional(),
  headGender: z.enum(Gender, { message: 'VALIDATION' }).optional(),
  phone: mobile.optional(),
  address: optionalText(500),
  membersCount: positiveInt(50),
  employmentCapabilities: optionalText(1000),
  /** The household agreed to be registered and contacted; recorded with the date it was given. */
  consentGiven: z.literal(true, { message: 'CONSENT_REQUIRED' }),
  imdadCaseNo: optionalText(50),
});
export type RegisterBeneficiaryInput = z.input<typeof registerBeneficiaryInput>;

/**
 * A reference code that says nothing about the household: county code and 9
 * random digits (not a sequence, so it does not reveal how many are registered).
 */
async function newReferenceCode(tx: Tx, countyCode: string | null): Promise<string> {
  for (;;) {
    const code = `B-${countyCode ?? 'X'}-${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
    if (!(await tx.beneficiary.findUnique({ where: { referenceCode: code }, select: { id: true } }))) return code;
  }
}

/** Registers a needy household at a licensed center, with its consent. */
export async function registerBeneficiary(ctx: Ctx, actor: Actor, raw: RegisterBeneficiaryInput): Promise<BeneficiaryView> {
  const input = parseInput(registerBeneficiaryInput, raw);
  const center = await ctx.db.center.findUnique({
    where: { id: input.centerId },
    select: { id: true, countyId: true, licenseState: true, county: { select: { code: true } } },
  });
  if (!center) throw new DomainError('NOT_FOUND');
  const scope = { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState };
  authorize(actor, 'beneficiary.write', scope);
  // Rule 1: a center acts under its name only while licensed (staff included).
  if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');
  return inTransaction(ctx, async (tx) => {
    // Pre-checked for a clear error; the unique index still decides a race (mapped below).
    if (input.headNationalId) {
      const dup = await tx.beneficiary.findFirst({ where: { centerId: center.id, headNationalId: input.headNationalId }, select: { id: true } });
      if (dup) throw new DomainError('DUPLICATE_BENEFICIARY');
    }
    const { consentGiven: _c, centerId: _ce, ...fields } = input;
    const created = await tx.beneficiary.create({
      data: {
        ...fields,
        centerId: center.id,
        referenceCode: await newReferenceCode(tx, center.county.code),
        consentGiven: true,
        consentAt: ctx.clock.now(),
      },
    });
    // The audit row names the household by id and reference code; identity stays on the row only.
    await audit(tx, actor, {
      action: 'beneficiary.register',
      entity: 'Beneficiary',
      entityId: created.id,
      after: { referenceCode: created.referenceCode, centerId: created.centerId, membersCount: created.membersCount },
    });
    return beneficiaryView(actor, scope, created, []);
  }).catch((e: unknown) => {
    if ((e as { code?: string })?.code === 'P2002') throw new DomainError('DUPLICATE_BENEFICIARY');
    throw e;
  });
}
