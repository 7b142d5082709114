/** Fixtures for the giving tests: a licensed center with its finance officer, county staff and a donor with a chat. */
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../prisma/client.ts';
import { createCtx, type Ctx } from '../../core/context.ts';
import type { ReportDonationInput } from '../../core/giving/report-donation.ts';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { donorActor, staffActor, trusteeActor } from '../../fixtures/actors.ts';

export const NOW = new Date('2026-11-26T08:00:00Z');
export const fakeClock = { now: () => NOW };

export function givingCtx(db: Db, settings: Partial<Ctx['settings']> = {}): Ctx {
  return createCtx({ db, clock: fakeClock, settings });
}

/** A donor actor whose person has a Telegram chat, so notifications are queued. */
export async function donorWithChat(db: Db) {
  const actor = await donorActor(db);
  const chat = await db.chatAccount.create({
    data: { platform: 'TELEGRAM', externalUserId: randomUUID(), personId: actor.personId },
  });
  return { ...actor, chatAccountId: chat.id };
}

export async function givingWorld(db: Db) {
  const county = await createCounty(db);
  const center = await createCenter(db, { countyId: county.id });
  const finance = await trusteeActor(db, center.id, 'ADMIN_FINANCE');
  const staff = await staffActor(db, 'COUNTY_STAFF', { countyId: county.id });
  const donor = await donorWithChat(db);
  return { county, center, finance, staff, donor };
}

export type GivingWorld = Awaited<ReturnType<typeof givingWorld>>;

/** A test file's context on NOW and its giving world over the file's database, made in its beforeAll. */
export async function openGivingWorld(database: Database): Promise<{ ctx: Ctx; w: GivingWorld }> {
  return { ctx: givingCtx(database.db), w: await givingWorld(database.db) };
}

export function key(): string {
  return `test-${randomUUID()}`;
}

/** A cash report of `toman` Toman by the donor to the center. */
export function cashReport(centerId: string, toman = 200_000, extra: Partial<ReportDonationInput> = {}): ReportDonationInput {
  return {
    centerId,
    kind: 'CASH',
    fund: 'GENERAL',
    amountToman: toman,
    paidAt: '2026-11-25T10:00:00Z',
    traceNumber: '۱۲۳۴۵۶۷۸',
    cardLast4: '۶۰۳۷',
    receiptFileId: 'file-1',
    idempotencyKey: key(),
    ...extra,
  };
}
