/**
 * Who a chat's person is to the domain, read once per update (lazily) in the update's
 * transaction: a donor, a volunteer, trustee memberships. The bot asks core
 * (`core.actorsOfChat`), so no face reads these tables itself.
 */
import type { ChatActor, DonorActor, TrusteeActor, VolunteerActor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { trusteeActorsOf } from '../trustees/acting-chair.ts';

export interface ActorResolver {
  /** Always available: the chat itself (registering, anonymous feedback, link codes). */
  chat(): ChatActor;
  /** The chat's person's Donor (following a merge), or null. */
  donor(): Promise<DonorActor | null>;
  /** The chat's person as a volunteer when they have applied at least once, or null. */
  volunteer(): Promise<VolunteerActor | null>;
  /** Whether the chat's person has an application at this center that a new one would collide with (any but a rejected one). */
  appliedToVolunteerAt(centerId: string): Promise<boolean>;
  /** APPOINTED trustee memberships of the chat's person (one per center and role). */
  trustee(): Promise<TrusteeActor[]>;
  /** Forget cached answers (after a use-case linked the chat to a person in this update). */
  refresh(): void;
}

export interface ChatIdentity {
  chatAccountId: string;
  personId: string | null;
}

export function createActorResolver(ctx: Ctx, account: ChatIdentity): ActorResolver {
  const db = ctx.db;
  // The person as this update's own chat-account upsert read it (same transaction, chat locked):
  // a use-case that links the chat to a person calls refresh(), and it is read again.
  let person: Promise<string | null> | undefined = Promise.resolve(account.personId);
  let donor: Promise<DonorActor | null> | undefined;
  let volunteer: Promise<VolunteerActor | null> | undefined;
  let trustees: Promise<TrusteeActor[]> | undefined;

  const identity = async (): Promise<ChatIdentity> => {
    person ??= db.chatAccount
      .findUnique({ where: { id: account.chatAccountId }, select: { personId: true } })
      .then((a) => a?.personId ?? null);
    return { chatAccountId: account.chatAccountId, personId: await person };
  };

  async function findDonor(): Promise<DonorActor | null> {
    const { chatAccountId, personId } = await identity();
    if (!personId) return null;
    let d = await db.donor.findUnique({ where: { personId }, select: { id: true, mergedIntoId: true } });
    // A merged donor's giving continues under the record it was merged into.
    for (let hops = 0; d?.mergedIntoId && hops < 5; hops++) {
      d = await db.donor.findUnique({ where: { id: d.mergedIntoId }, select: { id: true, mergedIntoId: true } });
    }
    return d ? { kind: 'donor', donorId: d.id, personId, chatAccountId } : null;
  }

  async function findVolunteer(): Promise<VolunteerActor | null> {
    const { chatAccountId, personId } = await identity();
    if (!personId) return null;
    const v = await db.volunteer.findFirst({ where: { personId }, select: { id: true } });
    return v ? { kind: 'volunteer', personId, chatAccountId } : null;
  }

  async function appliedToVolunteerAt(centerId: string): Promise<boolean> {
    const { personId } = await identity();
    if (!personId) return false;
    return (await db.volunteer.count({ where: { personId, centerId, state: { not: 'REJECTED' } } })) > 0;
  }

  async function findTrustees(): Promise<TrusteeActor[]> {
    const { personId } = await identity();
    if (!personId) return [];
    const ms = await db.trusteeMembership.findMany({
      where: { personId, state: 'APPOINTED' },
      select: { id: true, centerId: true, role: true },
      orderBy: { appointedAt: 'asc' },
    });
    return trusteeActorsOf(db, ms.map((m) => ({ ...m, personId })));
  }

  return {
    chat: () => ({ kind: 'chat', chatAccountId: account.chatAccountId, personId: account.personId }),
    donor: () => (donor ??= findDonor()),
    volunteer: () => (volunteer ??= findVolunteer()),
    appliedToVolunteerAt,
    trustee: () => (trustees ??= findTrustees()),
    refresh: () => {
      person = donor = volunteer = trustees = undefined;
    },
  };
}
