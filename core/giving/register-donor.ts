/**
 * Registers a donor: a natural person (name, mobile, optional national ID) or
 * a legal person (organisation name and registration number, optionally a
 * contact person). Donor officers of a center register the donors they find
 * (the center is recorded as the recruiter); county staff anyone; a person
 * on the bot registers only themself, and their chat is linked to them.
 */
import { z } from 'zod';
import { Gender, type Donor } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx, type Tx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, mobile, nationalId, optionalText, parseInput, text } from '../input/schemas.ts';
import { normalizeCode } from '../input/normalize.ts';
import { authorize, type Scope } from '../policy.ts';
import { loadCenter } from './shared.ts';

const person = z.object({
  firstName: text(100),
  lastName: text(100),
  mobile,
  nationalId: nationalId.optional(),
  gender: z.enum(Gender, { message: 'VALIDATION' }).optional(),
});

const common = {
  /** The center that found the donor; a trustee's own center when omitted. */
  recruitedByCenterId: id.optional(),
  anonymous: z.boolean({ message: 'VALIDATION' }).default(true),
  note: optionalText(1000),
};

/** An organisation (legal person); the panel draws its form from this branch. */
export const legalDonorInput = z.object({
  type: z.literal('LEGAL'),
  organizationName: text(200),
  organizationRegNo: z
    .string({ message: 'REQUIRED' })
    .transform(normalizeCode)
    .pipe(z.string().min(1, { message: 'REQUIRED' }).max(50, { message: 'TEXT_TOO_LONG' })),
  contactPerson: person.optional(),
  ...common,
});

/** A natural person; the panel draws its form from this branch. */
export const naturalDonorInput = z.object({ type: z.literal('NATURAL'), ...person.shape, ...common });

export const registerDonorInput = z.discriminatedUnion(
  'type',
  [naturalDonorInput, legalDonorInput],
  { message: 'VALIDATION' },
);
export type RegisterDonorInput = z.input<typeof registerDonorInput>;

type PersonInput = z.output<typeof person>;

/**
 * The person with this national ID, or a new one; a person already a donor is refused.
 * From the bot (`claimable` false) an existing national ID is never taken over: anyone
 * could type someone else's ID, so linking an existing person is left to staff.
 */
async function findOrCreatePerson(tx: Tx, p: PersonInput, forNaturalDonor: boolean, claimable = true) {
  if (p.nationalId) {
    await lockKey(tx, `person-nid:${p.nationalId}`);
    const existing = await tx.person.findUnique({ where: { nationalId: p.nationalId }, include: { donor: true } });
    if (existing) {
      if (forNaturalDonor && existing.donor) throw new DomainError('DONOR_ALREADY_REGISTERED');
      if (!claimable) throw new DomainError('CONFLICT', { field: 'nationalId' });
      return existing;
    }
  }
  return tx.person.create({
    data: { firstName: p.firstName, lastName: p.lastName, mobile: p.mobile, nationalId: p.nationalId ?? null, gender: p.gender ?? null },
  });
}

/** From the bot: the person the chat is already linked to (e.g. a trustee), else a new one. */
async function selfPerson(tx: Tx, chatAccountId: string, p: PersonInput) {
  const chat = await tx.chatAccount.findUnique({ where: { id: chatAccountId }, include: { person: { include: { donor: true } } } });
  if (!chat) throw new DomainError('NOT_FOUND', { entity: 'ChatAccount' });
  if (!chat.person) return findOrCreatePerson(tx, p, true, false);
  if (chat.person.donor) throw new DomainError('DONOR_ALREADY_REGISTERED');
  return chat.person;
}

export async function registerDonor(ctx: Ctx, actor: Actor, raw: RegisterDonorInput): Promise<Donor> {
  const input = parseInput(registerDonorInput, raw);
  const centerId = input.recruitedByCenterId ?? (actor.kind === 'trustee' ? actor.centerId : null);

  return inTransaction(ctx, async (tx) => {
    const center = centerId ? await loadCenter(tx, centerId) : null;
    if (actor.kind === 'chat') {
      // Self-registration from the bot: only as a natural person, only oneself.
      if (input.type !== 'NATURAL') throw new DomainError('FORBIDDEN');
    } else {
      // Donors belong to no county: county staff name the center that found the donor.
      if (!center && actor.kind === 'staff' && actor.role === 'COUNTY_STAFF') throw new DomainError('REQUIRED', { field: 'recruitedByCenterId' });
      const scope: Scope = center
        ? { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState }
        : // Without a recruiting center only province-wide staff register.
          {};
      authorize(actor, 'donor.register', scope);
    }
    if (center && center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');

    let donor;
    if (input.type === 'NATURAL') {
      const p = actor.kind === 'chat' ? await selfPerson(tx, actor.chatAccountId, input) : await findOrCreatePerson(tx, input, true);
      donor = await tx.donor.create({
        data: { type: 'NATURAL', personId: p.id, anonymous: input.anonymous, recruitedByCenterId: center?.id ?? null, note: input.note ?? null },
      });
      if (actor.kind === 'chat') await tx.chatAccount.update({ where: { id: actor.chatAccountId }, data: { personId: p.id } });
    } else {
      await lockKey(tx, `donor-regno:${input.organizationRegNo}`);
      if (await tx.donor.findUnique({ where: { organizationRegNo: input.organizationRegNo } }))
        throw new DomainError('DONOR_ALREADY_REGISTERED');
      const contact = input.contactPerson ? await findOrCreatePerson(tx, input.contactPerson, false) : null;
      donor = await tx.donor.create({
        data: {
          type: 'LEGAL',
          organizationName: input.organizationName,
          organizationRegNo: input.organizationRegNo,
          contactPersonId: contact?.id ?? null,
          anonymous: input.anonymous,
          recruitedByCenterId: center?.id ?? null,
          note: input.note ?? null,
        },
      });
    }
    await audit(tx, actor, { action: 'donor.register', entity: 'Donor', entityId: donor.id, after: donor });
    return donor;
  });
}
