/**
 * The board roles a person holds now (APPOINTED), with their centers' names:
 * what the bot shows a linked trustee, and whose tasks and approvals it lists.
 */
import { z } from 'zod';
import type { TrusteeRole } from '../../prisma/generated/client/client.ts';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../input/schemas.ts';
import { centersWithoutChair } from './acting-chair.ts';

export const listMyMembershipsInput = z.object({}).default({});
export type ListMyMembershipsInput = z.input<typeof listMyMembershipsInput>;

/** One board role the person holds now, at which center. */
export interface MyMembership {
  membershipId: string;
  personId: string;
  centerId: string;
  centerName: string;
  centerLicensed: boolean;
  role: TrusteeRole;
  appointedAt: Date | null;
  /** A vice-chair acting for the center's absent chair (acting-chair.ts). */
  actsForChair: boolean;
  /** Whether the appointee has acknowledged the conduct points (acknowledge-conduct.ts). */
  conductAcknowledged: boolean;
}

export async function listMyMemberships(ctx: Ctx, actor: Actor, raw?: ListMyMembershipsInput): Promise<MyMembership[]> {
  parseInput(listMyMembershipsInput, raw ?? {});
  // Only the person themself: derived from the actor, never from input.
  const personId = actor.kind === 'chat' || actor.kind === 'volunteer' || actor.kind === 'trustee' ? actor.personId : null;
  if (!personId) throw new DomainError('FORBIDDEN');
  const rows = await ctx.db.trusteeMembership.findMany({
    where: { personId, state: 'APPOINTED' },
    orderBy: { appointedAt: 'asc' },
    include: { center: { select: { name: true, licenseState: true } } },
  });
  const chairless = await centersWithoutChair(ctx.db, rows.filter((m) => m.role === 'VICE_CHAIR').map((m) => m.centerId));
  return rows.map((m) => ({
    membershipId: m.id,
    personId: m.personId,
    centerId: m.centerId,
    centerName: m.center.name,
    centerLicensed: m.center.licenseState === 'LICENSED',
    role: m.role,
    appointedAt: m.appointedAt,
    actsForChair: m.role === 'VICE_CHAIR' && chairless.has(m.centerId),
    conductAcknowledged: m.conductAcknowledgedAt !== null,
  }));
}
