/**
 * Broadcasts: a center's donors or a network's volunteers, previewed with a
 * count, queued once per recipient chat (a double submission sends once),
 * with progress and cancellation, for the offices and the center's officers only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../prisma/client.ts';
import type { AudienceInput } from '../../../core/broadcasts/audience.ts';
import type { CreateBroadcastInput } from '../../../core/broadcasts/create-broadcast.ts';
import { createCore, type Core } from '../../../core/index.ts';
import {
  createCenter,
  createCounty,
  createDonation,
  createDonor,
  createNetwork,
  createNetworkMembership,
  createPledge,
  createVolunteer,
} from '../../../fixtures/factories.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { chatActor, fakeClock, FIXED_NOW } from '../../helpers/work.ts';

let database: Database;
let db: Db;
let core: Core;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  core = createCore({ db, clock: fakeClock() });
});
afterAll(async () => database?.close());

const key = () => `form-${randomUUID()}`;

/** A donor of the center (recruited there) with a chat; returns the donor's person id. */
async function donorWithChat(centerId: string | null, chats = 1): Promise<string> {
  const donor = await createDonor(db, { recruitedByCenterId: centerId });
  for (let i = 0; i < chats; i++) await chatActor(db, donor.personId!);
  return donor.personId!;
}

describe('a center\'s donors', () => {
  it('preview counts chats and people; recruited, pledged and confirmed donors count, merged ones and blocked chats do not', async () => {
    const county = await createCounty(db);
    const center = await createCenter(db, { countyId: county.id });
    const other = await createCenter(db, { countyId: county.id });
    await donorWithChat(center.id, 2); // two chats (e.g. Telegram and Bale)
    const pledged = await createDonor(db);
    await chatActor(db, pledged.personId!);
    await createPledge(db, { centerId: center.id, donorId: pledged.id });
    const gave = await createDonor(db);
    await chatActor(db, gave.personId!);
    await createDonation(db, { centerId: center.id, donorId: gave.id, state: 'CONFIRMED' });
    await createDonor(db, { recruitedByCenterId: center.id }); // no chat
    const merged = await createDonor(db, { recruitedByCenterId: center.id, mergedIntoId: gave.id, mergedAt: new Date() });
    await chatActor(db, merged.personId!);
    const blocked = await donorWithChat(center.id);
    await db.chatAccount.updateMany({ where: { personId: blocked }, data: { blocked: true, blockedAt: new Date() } });
    await donorWithChat(other.id);

    const staff = await staffActor(db, 'COUNTY_STAFF', { countyId: county.id });
    const preview = await core.broadcasts.previewBroadcast(staff, { audience: { kind: 'CENTER_DONORS', centerId: center.id }, text: 'دیدار نیکوکاران، جمعه' });
    expect(preview).toEqual({
      recipientCount: 4,
      people: 5,
      peopleWithoutChat: 2,
      message: { template: 'broadcast.message', params: { center: center.name, text: 'دیدار نیکوکاران، جمعه' } },
    });
  });

  it('queues one message per chat in one go; the same form submitted twice sends once; progress and cancel', async () => {
    const center = await createCenter(db);
    for (let i = 0; i < 3; i++) await donorWithChat(center.id);
    const chair = await trusteeActor(db, center.id, 'CHAIR');
    const input: CreateBroadcastInput = { audience: { kind: 'CENTER_DONORS', centerId: center.id }, text: 'گزارش عملکرد آذر آماده است.', idempotencyKey: key() };

    const first = await core.broadcasts.createBroadcast(chair, input);
    expect(first).toMatchObject({ recipientCount: 3, created: true });
    expect(await core.broadcasts.createBroadcast(chair, input)).toEqual({ id: first.id, recipientCount: 3, created: false });
    const rows = await db.outboxMessage.findMany({ where: { broadcastId: first.id } });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.dedupeKey))).toEqual(new Set(rows.map((r) => `broadcast:${first.id}:${r.chatAccountId}`)));
    expect(rows.every((r) => r.template === 'broadcast.message' && r.availableAt.getTime() === FIXED_NOW.getTime())).toBe(true);
    const audit = await db.auditLog.findMany({ where: { entity: 'Broadcast', entityId: first.id } });
    expect(audit.map((a) => a.action)).toEqual(['broadcast.create']);

    await db.outboxMessage.update({ where: { id: rows[0]!.id }, data: { status: 'SENT', sentAt: new Date() } });
    expect(await core.broadcasts.broadcastProgress(chair, { broadcastId: first.id })).toMatchObject({ total: 3, sent: 1, pending: 2, failed: 0, done: false });
    expect(await core.broadcasts.cancelBroadcast(chair, { broadcastId: first.id })).toMatchObject({ cancelledNow: 2, sent: 1, cancelled: 2, pending: 0, done: true });
    const list = await core.broadcasts.listBroadcasts(chair, { centerId: center.id });
    expect(list.map((b) => [b.id, b.recipientCount, b.progress.sent, !!b.cancelledAt])).toEqual([[first.id, 3, 1, true]]);
  });

  it('written at night, held until notBefore', async () => {
    const center = await createCenter(db);
    await donorWithChat(center.id);
    const staff = await staffActor(db, 'PROVINCE_ADMIN');
    const notBefore = new Date(FIXED_NOW.getTime() + 10 * 3_600_000);
    const b = await core.broadcasts.createBroadcast(staff, { audience: { kind: 'CENTER_DONORS', centerId: center.id }, text: 'سلام', idempotencyKey: key(), notBefore: notBefore.toISOString() });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { broadcastId: b.id } })).availableAt).toEqual(notBefore);
  });

  it('nobody to reach is an error, not an empty broadcast', async () => {
    const center = await createCenter(db);
    await createDonor(db, { recruitedByCenterId: center.id }); // no chat
    const staff = await staffActor(db, 'PROVINCE_ADMIN');
    await expect(
      core.broadcasts.createBroadcast(staff, { audience: { kind: 'CENTER_DONORS', centerId: center.id }, text: 'سلام', idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: 'BROADCAST_NO_RECIPIENTS' });
    expect(await db.broadcast.count({ where: { centerId: center.id } })).toBe(0);
  });
});

describe('a network\'s volunteers', () => {
  it('reaches the active volunteers still in the network', async () => {
    const center = await createCenter(db);
    const network = await createNetwork(db, { centerId: center.id });
    const active = await createVolunteer(db, { centerId: center.id });
    const left = await createVolunteer(db, { centerId: center.id });
    const inactive = await createVolunteer(db, { centerId: center.id, state: 'INACTIVE' });
    const outsider = await createVolunteer(db, { centerId: center.id });
    await createNetworkMembership(db, { networkId: network.id, volunteerId: active.id });
    await createNetworkMembership(db, { networkId: network.id, volunteerId: left.id, leftAt: new Date() });
    await createNetworkMembership(db, { networkId: network.id, volunteerId: inactive.id });
    for (const v of [active, left, inactive, outsider]) await chatActor(db, v.personId);

    const vice = await trusteeActor(db, center.id, 'VICE_CHAIR');
    const b = await core.broadcasts.createBroadcast(vice, { audience: { kind: 'NETWORK_VOLUNTEERS', networkId: network.id }, text: 'جلسهٔ شبکه', idempotencyKey: key() });
    const rows = await db.outboxMessage.findMany({ where: { broadcastId: b.id }, include: { chatAccount: { select: { personId: true } } } });
    expect(rows.map((r) => r.chatAccount.personId)).toEqual([active.personId]);
    expect(await db.broadcast.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ audience: 'NETWORK_VOLUNTEERS', networkId: network.id, centerId: center.id });
  });
});

describe('who may broadcast', () => {
  it('county staff of another county, auditors and officers who do not keep donors may not', async () => {
    const center = await createCenter(db);
    await donorWithChat(center.id);
    const audience: AudienceInput = { kind: 'CENTER_DONORS', centerId: center.id };
    const elsewhere = await staffActor(db, 'COUNTY_STAFF', { countyId: (await createCounty(db)).id });
    const auditor = await staffActor(db, 'AUDITOR');
    const finance = await trusteeActor(db, center.id, 'ADMIN_FINANCE');
    for (const actor of [elsewhere, auditor, finance]) {
      await expect(core.broadcasts.previewBroadcast(actor, { audience, text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(core.broadcasts.createBroadcast(actor, { audience, text: 'x', idempotencyKey: key() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const suspended = await createCenter(db, { licenseState: 'SUSPENDED' });
    await donorWithChat(suspended.id);
    const chair = await trusteeActor(db, suspended.id, 'CHAIR');
    await expect(
      core.broadcasts.createBroadcast(chair, { audience: { kind: 'CENTER_DONORS', centerId: suspended.id }, text: 'x', idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });
});
