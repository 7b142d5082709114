/**
 * County staff or the center's chair propose a person for a role on a board.
 * The person is an existing one (by id) or new, with a validated national ID
 * and mobile; a new person whose national ID is already known is that person.
 */
import { z } from 'zod';
import { Gender, TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, mobile, nationalId, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { centerScope, membershipResult, type MembershipResult } from './membership.ts';

/** A known person (personId), or a new one: names, a validated national ID and mobile. */
export const proposeTrusteeInput = z
  .object({
    centerId: id,
    role: z.enum(TrusteeRole, { message: 'VALIDATION' }),
    personId: id.optional(),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    nationalId: nationalId.optional(),
    mobile: mobile.optional(),
    gender: z.enum(Gender, { message: 'VALIDATION' }).optional(),
  })
  .refine((v) => !!v.personId || (!!v.firstName && !!v.lastName && !!v.nationalId && !!v.mobile), { message: 'REQUIRED', path: ['personId'] })
  .refine((v) => !v.personId || (!v.firstName && !v.lastName && !v.nationalId && !v.mobile), { message: 'VALIDATION', path: ['personId'] });
export type ProposeTrusteeInput = z.input<typeof proposeTrusteeInput>;

/** Centers whose board can still change: not refused, closed or dissolved. */
const OPEN_STATES = new Set(['APPLIED', 'LICENSED', 'SUSPENDED']);

export async function proposeTrustee(ctx: Ctx, actor: Actor, raw: ProposeTrusteeInput): Promise<MembershipResult> {
  const input = parseInput(proposeTrusteeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId } });
    if (!center) throw new DomainError('NOT_FOUND', {}, 'center');
    authorize(actor, 'trustee.propose', centerScope(center));
    if (!OPEN_STATES.has(center.licenseState)) throw new DomainError('LICENSE_TRANSITION_NOT_ALLOWED', { from: center.licenseState });

    let personId = input.personId;
    if (personId) {
      if (!(await tx.person.findUnique({ where: { id: personId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', {}, 'person');
    } else {
      const p = { firstName: input.firstName!, lastName: input.lastName!, nationalId: input.nationalId!, mobile: input.mobile!, gender: input.gender };
      await lockKey(tx, `person-nid:${p.nationalId}`);
      const known = await tx.person.findUnique({ where: { nationalId: p.nationalId }, select: { id: true } });
      personId = known?.id ?? (await tx.person.create({ data: p })).id;
      if (!known) await audit(tx, actor, { action: 'person.create', entity: 'Person', entityId: personId, after: p });
    }

    await lockKey(tx, `trustee-candidacy:${center.id}:${personId}:${input.role}`);
    const open = await tx.trusteeMembership.findFirst({
      where: { centerId: center.id, personId, role: input.role, state: { in: ['PROPOSED', 'VETTING', 'APPOINTED'] } },
      select: { id: true },
    });
    if (open) throw new DomainError('TRUSTEE_ALREADY_PROPOSED');
    const m = await tx.trusteeMembership.create({
      data: { centerId: center.id, personId, role: input.role, state: 'PROPOSED', proposedAt: ctx.clock.now() },
    });
    await audit(tx, actor, { action: 'trustee.propose', entity: 'TrusteeMembership', entityId: m.id, after: membershipResult(m) });
    return membershipResult(m);
  });
}
