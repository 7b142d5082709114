/**
 * Who a broadcast reaches: a center's donors (recruited there, or with a pledge
 * or a confirmed gift there) or the active volunteers of one network. Resolved
 * to chat accounts that have not blocked the bot; people without a chat are
 * counted so the sender of the broadcast knows how many it misses.
 */
import { z } from 'zod';
import type { BroadcastAudience } from '../../prisma/generated/client/client.ts';
import type { Tx } from '../context.ts';
import type { Db } from '../../prisma/client.ts';
import { DomainError } from '../errors.ts';
import { id } from '../input/schemas.ts';
import type { Scope } from '../policy.ts';

export const audienceInput = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('CENTER_DONORS'), centerId: id }), z.object({ kind: z.literal('NETWORK_VOLUNTEERS'), networkId: id })],
  { message: 'VALIDATION' },
);
export type AudienceInput = z.input<typeof audienceInput>;

export interface ResolvedAudience {
  audience: BroadcastAudience;
  centerId: string;
  centerName: string;
  networkId: string | null;
  scope: Scope;
  personIds: string[];
}

type Reader = Db | Tx;

export async function resolveAudience(db: Reader, input: z.output<typeof audienceInput>): Promise<ResolvedAudience> {
  if (input.kind === 'CENTER_DONORS') {
    const center = await db.center.findUnique({ where: { id: input.centerId }, select: { id: true, name: true, countyId: true, licenseState: true } });
    if (!center) throw new DomainError('NOT_FOUND');
    const donors = await db.donor.findMany({
      where: {
        mergedIntoId: null,
        OR: [
          { recruitedByCenterId: center.id },
          { pledges: { some: { centerId: center.id } } },
          { donations: { some: { centerId: center.id, state: 'CONFIRMED' } } },
        ],
      },
      select: { personId: true, contactPersonId: true },
    });
    const personIds = donors.map((d) => d.personId ?? d.contactPersonId).filter((p): p is string => !!p);
    return {
      audience: 'CENTER_DONORS',
      centerId: center.id,
      centerName: center.name,
      networkId: null,
      scope: { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState },
      personIds: [...new Set(personIds)],
    };
  }
  const network = await db.network.findUnique({
    where: { id: input.networkId },
    select: { id: true, center: { select: { id: true, name: true, countyId: true, licenseState: true } } },
  });
  if (!network) throw new DomainError('NOT_FOUND');
  const members = await db.networkMembership.findMany({
    where: { networkId: network.id, leftAt: null, volunteer: { state: 'ACTIVE' } },
    select: { volunteer: { select: { personId: true } } },
  });
  const center = network.center;
  return {
    audience: 'NETWORK_VOLUNTEERS',
    centerId: center.id,
    centerName: center.name,
    networkId: network.id,
    scope: { centerId: center.id, countyId: center.countyId, licenseState: center.licenseState },
    personIds: [...new Set(members.map((m) => m.volunteer!.personId))],
  };
}

/** The chats a broadcast goes to (one per chat account; blocked chats are left out). */
export async function recipientChats(db: Reader, personIds: string[]): Promise<{ id: string; personId: string }[]> {
  if (personIds.length === 0) return [];
  const chats = await db.chatAccount.findMany({
    where: { personId: { in: personIds }, blocked: false },
    select: { id: true, personId: true },
    orderBy: { id: 'asc' },
  });
  return chats.map((c) => ({ id: c.id, personId: c.personId! }));
}
