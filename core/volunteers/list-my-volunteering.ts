/**
 * A person's own volunteer records, one per center they applied to: where the
 * application stands (applied, in vetting, active, rejected with the reason),
 * what they said about themselves, and the networks they are in now. The
 * bot's "my volunteering" and the choice of record for joining a network.
 */
import { z } from 'zod';
import type { NetworkKind, Volunteer } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { volunteerView } from './scope.ts';

export const listMyVolunteeringInput = z.object({}).default({});
export type ListMyVolunteeringInput = z.input<typeof listMyVolunteeringInput>;

/** One of the person's volunteer records, with its center and the networks it is in now. */
export type MyVolunteering = Pick<
  Volunteer,
  'kind' | 'state' | 'skills' | 'availability' | 'serviceForService' | 'rejectReason' | 'appliedAt' | 'activatedAt'
> & {
  volunteerId: string;
  centerId: string;
  centerName: string;
  centerLicensed: boolean;
  networks: NetworkKind[];
};

export async function listMyVolunteering(ctx: Ctx, actor: Actor, raw?: ListMyVolunteeringInput): Promise<MyVolunteering[]> {
  parseInput(listMyVolunteeringInput, raw ?? {});
  // Only the person themself: derived from the actor, never from input.
  if ((actor.kind !== 'volunteer' && actor.kind !== 'chat') || !actor.personId) throw new DomainError('FORBIDDEN');
  const rows = await ctx.db.volunteer.findMany({
    where: { personId: actor.personId },
    orderBy: { appliedAt: 'asc' },
    include: {
      center: { select: { id: true, name: true, licenseState: true } },
      memberships: { where: { leftAt: null }, include: { network: { select: { kind: true } } }, orderBy: { joinedAt: 'asc' } },
    },
  });
  return rows.map((v) => {
    // The record's fields as every volunteer use-case returns them; its id named for what it is here.
    const { id, personId: _self, ...fields } = volunteerView(v);
    return {
      ...fields,
      volunteerId: id,
      centerName: v.center.name,
      centerLicensed: v.center.licenseState === 'LICENSED',
      appliedAt: v.appliedAt,
      activatedAt: v.activatedAt,
      networks: v.memberships.map((m) => m.network.kind),
    };
  });
}
