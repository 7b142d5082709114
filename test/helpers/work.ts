/** Fixtures for the volunteers and work areas: a ctx with a fake clock, chat accounts, audit lookups. */
import type { Db } from '../../prisma/client.ts';
import { createCtx, type Ctx } from '../../core/context.ts';
import type { ChatActor, VolunteerActor } from '../../core/actor.ts';
import { uniqueNumber } from '../../fixtures/factories.ts';
import { useTestDatabase } from './db.ts';

export const FIXED_NOW = new Date('2026-11-26T08:00:00Z'); // 5 Azar 1405 in Tehran

export function fakeClock(at: Date = FIXED_NOW) {
  let now = at;
  return { now: () => now, set: (d: Date) => void (now = d) };
}

export function workCtx(db: Db, at: Date = FIXED_NOW): Ctx {
  return createCtx({ db, clock: fakeClock(at) });
}

/**
 * A test file's context on FIXED_NOW over a fresh database of its own (useTestDatabase):
 * usable at once, its database read in hooks and tests.
 */
export function useWorkCtx(): Ctx {
  const database = useTestDatabase();
  const { db: _none, ...rest } = createCtx({ db: null as unknown as Db, clock: fakeClock() });
  return {
    ...rest,
    get db() {
      return database.db;
    },
  };
}

/** A bot user, linked to a person if given. */
export async function chatActor(db: Db, personId?: string): Promise<ChatActor> {
  const chat = await db.chatAccount.create({
    data: { platform: 'TELEGRAM', externalUserId: `ext-${uniqueNumber()}`, chatId: `c${uniqueNumber()}`, personId: personId ?? null },
  });
  return { kind: 'chat', chatAccountId: chat.id, personId: personId ?? null };
}

/** The volunteer actor of a person, with a chat so notifications have somewhere to go. */
export async function volunteerActorOf(db: Db, personId: string): Promise<VolunteerActor> {
  const chat = await chatActor(db, personId);
  return { kind: 'volunteer', personId, chatAccountId: chat.chatAccountId };
}

export function auditRows(db: Db, entity: string, entityId: string) {
  return db.auditLog.findMany({ where: { entity, entityId }, orderBy: { id: 'asc' } });
}

export function outboxFor(db: Db, personId: string) {
  return db.outboxMessage.findMany({ where: { chatAccount: { personId } }, orderBy: { createdAt: 'asc' } });
}
