/** Fixtures for the centers and trustees tests: two counties with their staff, a chair with a chat. */
import type { Database, Db } from '../../prisma/client.ts';
import type { StaffActor, SystemActor } from '../../core/actor.ts';
import { createCtx, type Ctx } from '../../core/context.ts';
import { createCounty, createPerson, createProvince, createTrustee, uniqueNumber } from '../../fixtures/factories.ts';
import { staffActor } from '../../fixtures/actors.ts';

/** 2026-11-26 08:00 UTC = 5 Azar 1405, 11:30 in Tehran. */
export const NOW = new Date('2026-11-26T08:00:00Z');
export const fakeClock = { now: () => NOW };

export function testCtx(db: Db, now: Date = NOW): Ctx {
  return createCtx({ db, clock: { now: () => now } });
}

export const systemJob: SystemActor = { kind: 'system', job: 'test-expire-licenses' };

export interface World {
  provinceId: string;
  countyA: string;
  countyB: string;
  staffA: StaffActor;
  staffB: StaffActor;
  provinceAdmin: StaffActor;
  supervisor: StaffActor;
  auditor: StaffActor;
}

/** A province with two counties, a staff member in each, and the province roles. */
export async function createWorld(db: Db): Promise<World> {
  const province = await createProvince(db);
  const countyA = (await createCounty(db, { provinceId: province.id })).id;
  const countyB = (await createCounty(db, { provinceId: province.id })).id;
  return {
    provinceId: province.id,
    countyA,
    countyB,
    staffA: await staffActor(db, 'COUNTY_STAFF', { countyId: countyA }),
    staffB: await staffActor(db, 'COUNTY_STAFF', { countyId: countyB }),
    provinceAdmin: await staffActor(db, 'PROVINCE_ADMIN', { provinceId: province.id }),
    supervisor: await staffActor(db, 'PROVINCE_SUPERVISOR', { provinceId: province.id }),
    auditor: await staffActor(db, 'AUDITOR', { provinceId: province.id }),
  };
}

/** A test file's database, a context on NOW and the world, made in its beforeAll. */
export async function openWorld(database: Database): Promise<{ db: Db; ctx: Ctx; w: World }> {
  const db = database.db;
  return { db, ctx: testCtx(db), w: await createWorld(db) };
}

/** A person with a Telegram chat, so notifications to them land in the outbox. */
export async function personWithChat(db: Db) {
  const person = await createPerson(db);
  const chat = await db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: `t${uniqueNumber()}`, personId: person.id } });
  return { person, chat };
}

/** An appointed chair who has linked a chat. */
export async function chairWithChat(db: Db, centerId: string) {
  const { person, chat } = await personWithChat(db);
  const membership = await createTrustee(db, { centerId, role: 'CHAIR', personId: person.id });
  return { person, chat, membership };
}
