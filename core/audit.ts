/**
 * The append-only audit trail, written inside the caller's transaction so a
 * change and its record commit or roll back together.
 */
import type { ActorType } from '../prisma/generated/client/client.ts';
import type { Actor } from './actor.ts';
import type { Tx } from './context.ts';

const ACTOR_TYPE: Record<Actor['kind'], ActorType> = {
  staff: 'STAFF',
  trustee: 'TRUSTEE',
  donor: 'DONOR',
  volunteer: 'VOLUNTEER',
  chat: 'CHAT',
  system: 'SYSTEM',
};

function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'staff':
      return actor.staffUserId;
    case 'trustee':
      return actor.membershipId;
    case 'donor':
      return actor.donorId;
    case 'volunteer':
      return actor.personId;
    case 'chat':
      return actor.chatAccountId;
    case 'system':
      return actor.job;
  }
}

/** JSON has no BigInt: money is kept as its exact decimal string. */
export function toAuditJson(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function audit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: ACTOR_TYPE[actor.kind],
      actorId: actorId(actor),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: toAuditJson(entry.before) ?? undefined,
      after: toAuditJson(entry.after) ?? undefined,
    },
  });
}
