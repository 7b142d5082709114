/** Fixtures for the funds and beneficiaries tests: two licensed centers with their boards, staff, money and households. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../prisma/client.ts';
import type { Fund } from '../../prisma/generated/client/client.ts';
import { createCtx, type Ctx } from '../../core/context.ts';
import type { VolunteerActor } from '../../core/actor.ts';
import { createBeneficiary, createCenter, createCounty, createDonation, createVolunteer } from '../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../fixtures/actors.ts';

import { fakeClock } from './centers.ts';
import { openedInBeforeAll, useTestDatabase } from './db.ts';

export { NOW, fakeClock } from './centers.ts';

export function fundsCtx(db: Db, settings: Partial<Ctx['settings']> = {}): Ctx {
  return createCtx({ db, clock: fakeClock, settings });
}

/** Money in: a CONFIRMED cash donation of `amountRial` to the center's fund. */
export async function fund(db: Db, centerId: string, fundName: Fund, amountRial: bigint) {
  return createDonation(db, { centerId, fund: fundName, state: 'CONFIRMED', amountRial });
}

/** A person with a Telegram chat, so notifications to them are queued. */
export async function giveChat(db: Db, personId: string) {
  return db.chatAccount.create({ data: { platform: 'TELEGRAM', externalUserId: randomUUID(), personId } });
}

export async function volunteerActor(db: Db, centerId: string): Promise<VolunteerActor & { volunteerId: string }> {
  const v = await createVolunteer(db, { centerId });
  return { kind: 'volunteer', personId: v.personId, volunteerId: v.id };
}

/** A center with chair, vice-chair, social-work and finance officers, its county staff, and one household. */
export async function centerWorld(db: Db) {
  const county = await createCounty(db);
  const center = await createCenter(db, { countyId: county.id });
  const chair = await trusteeActor(db, center.id, 'CHAIR');
  const viceChair = await trusteeActor(db, center.id, 'VICE_CHAIR');
  const socialWork = await trusteeActor(db, center.id, 'SOCIAL_WORK');
  const finance = await trusteeActor(db, center.id, 'ADMIN_FINANCE');
  const donorsOfficer = await trusteeActor(db, center.id, 'DONORS_MEN');
  const countyStaff = await staffActor(db, 'COUNTY_STAFF', { countyId: county.id });
  const beneficiary = await createBeneficiary(db, { centerId: center.id });
  return { county, center, chair, viceChair, socialWork, finance, donorsOfficer, countyStaff, beneficiary };
}

export type CenterWorld = Awaited<ReturnType<typeof centerWorld>>;

type Opened = { db: Db; ctx: Ctx; w: CenterWorld };

/**
 * For one test file (or describe): a fresh database, a context on NOW and one center's world,
 * made in beforeAll, then `more` on top (money in a fund). Read it inside hooks and tests.
 */
export function useCenterWorld(more?: (opened: Opened) => Promise<unknown>): Readonly<Opened> {
  const database = useTestDatabase();
  const open = openedInBeforeAll('useCenterWorld: the world', async () => {
    const db = database.db;
    const opened = { db, ctx: fundsCtx(db), w: await centerWorld(db) };
    await more?.(opened);
    return opened;
  });
  return {
    get db() { return open().db; },
    get ctx() { return open().ctx; },
    get w() { return open().w; },
  };
}
