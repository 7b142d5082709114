/**
 * A person applies to volunteer at a licensed center: by themselves through
 * the bot (chat actor), or registered by county staff or the center's
 * recruiting officers. The person is found by national ID or created.
 */
import { z } from 'zod';
import { Gender, VolunteerKind } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { inTransaction, lockKey, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, mobile, nationalId, optionalText, parseInput, text } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import { volunteerView, type VolunteerView } from './scope.ts';

export const applyAsVolunteerInput = z.object({
  centerId: id,
  firstName: text(100),
  lastName: text(100),
  gender: z.enum(Gender).optional(),
  nationalId,
  mobile,
  kind: z.enum(VolunteerKind).default('RELIEF_VOLUNTEER'),
  skills: z.array(text(100)).max(30, { message: 'VALIDATION' }).default([]),
  availability: optionalText(300),
  serviceForService: z.boolean().default(false),
});
export type ApplyAsVolunteerInput = z.input<typeof applyAsVolunteerInput>;

/** Applying for oneself needs no permission; registering someone else does. */
function isSelf(actor: Actor): actor is Extract<Actor, { kind: 'chat' | 'volunteer' }> {
  return actor.kind === 'chat' || actor.kind === 'volunteer';
}

export async function applyAsVolunteer(ctx: Ctx, actor: Actor, raw: ApplyAsVolunteerInput): Promise<VolunteerView> {
  const input = parseInput(applyAsVolunteerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const center = await tx.center.findUnique({ where: { id: input.centerId } });
    if (!center) throw new DomainError('NOT_FOUND');
    const scope = { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState };
    if (!isSelf(actor)) authorize(actor, 'network.manage', scope);
    if (center.licenseState !== 'LICENSED') throw new DomainError('CENTER_NOT_LICENSED');

    // Serialise applications of one person (two taps on the bot's button).
    await lockKey(tx, `person-nid:${input.nationalId}`);
    let person = await tx.person.findUnique({ where: { nationalId: input.nationalId } });
    // A chat already linked to a person may only apply as that person.
    if (isSelf(actor) && actor.personId && person && person.id !== actor.personId) throw new DomainError('CONFLICT');
    if (isSelf(actor) && actor.personId && !person) {
      person = await tx.person.findUnique({ where: { id: actor.personId } });
      if (person?.nationalId && person.nationalId !== input.nationalId) throw new DomainError('CONFLICT');
    }
    if (!person) {
      person = await tx.person.create({
        data: { firstName: input.firstName, lastName: input.lastName, gender: input.gender, nationalId: input.nationalId, mobile: input.mobile },
      });
      await audit(tx, actor, { action: 'person.create', entity: 'Person', entityId: person.id, after: { id: person.id } });
    } else if (!person.nationalId || !person.mobile) {
      person = await tx.person.update({
        where: { id: person.id },
        data: { nationalId: person.nationalId ?? input.nationalId, mobile: person.mobile ?? input.mobile },
      });
    }
    if (actor.kind === 'chat' && !actor.personId) {
      const chat = await tx.chatAccount.findUnique({ where: { id: actor.chatAccountId } });
      if (!chat) throw new DomainError('NOT_FOUND');
      if (chat.personId && chat.personId !== person.id) throw new DomainError('CONFLICT');
      if (!chat.personId) await tx.chatAccount.update({ where: { id: chat.id }, data: { personId: person.id } });
    }

    const fields = {
      kind: input.kind,
      skills: input.skills,
      availability: input.availability ?? null,
      serviceForService: input.serviceForService,
    };
    const existing = await tx.volunteer.findUnique({ where: { personId_centerId: { personId: person.id, centerId: center.id } } });
    // A rejected applicant may apply again; anyone else already has a live record here.
    if (existing && existing.state !== 'REJECTED') throw new DomainError('VOLUNTEER_ALREADY_APPLIED');
    const now = ctx.clock.now();
    const volunteer = existing
      ? await tx.volunteer.update({
          where: { id: existing.id },
          data: { ...fields, state: 'APPLIED', appliedAt: now, rejectReason: null, vettingStartedAt: null },
        })
      : await tx.volunteer.create({ data: { ...fields, personId: person.id, centerId: center.id, appliedAt: now } });
    await audit(tx, actor, {
      action: 'volunteer.apply',
      entity: 'Volunteer',
      entityId: volunteer.id,
      before: existing ? volunteerView(existing) : undefined,
      after: volunteerView(volunteer),
    });
    return volunteerView(volunteer);
  });
}
