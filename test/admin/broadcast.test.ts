/**
 * Broadcasts in the panel over the real HTTP API: "new broadcast" previews
 * (rendered text and count, nothing created), then sends with the form's one-time key
 * (one outbox row per recipient chat; a second submission sends once); GET changes
 * nothing; a trustee of another center and an auditor are refused; the list and the
 * page show progress that follows the outbox; "cancel" stops what is waiting.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../prisma/client.ts';
import type { Center, Network } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonor, createNetwork, createNetworkMembership, createVolunteer } from '../../fixtures/factories.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { chatActor } from '../helpers/work.ts';

let database: Database;
let db: Db;
let app: FastifyInstance;
let center: Center;
let network: Network;
const logins: Record<'staff' | 'chair' | 'otherChair' | 'auditor', string> = { staff: '', chair: '', otherChair: '', auditor: '' };

type Body = {
  data?: { preview?: { text: string; recipientCount: number; peopleWithoutChat: number }; broadcast?: { id: string; created: boolean }; centers?: { id: string }[] };
  notice?: { type: string; message: string };
  redirectUrl?: string;
  records?: { id: string; params: Record<string, unknown>; recordActions?: { name: string }[] }[];
  record?: { params: Record<string, unknown>; recordActions?: { name: string }[]; baseError?: { type: string } };
};

async function call(login: keyof typeof logins, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  const res = await app.inject({ method, url: `/admin/api/resources/Broadcast/${url}`, headers: { cookie: logins[login] }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.statusCode === 200 ? res.json() : {}) as Body };
}

const TEXT = 'دیدار نیکوکاران، جمعه ساعت ده';
const donorsForm = (extra: Record<string, string> = {}) => ({ audience: 'CENTER_DONORS', centerId: center.id, text: TEXT, ...extra });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  app = await buildTestAdmin(database);
  const county = await createCounty(db);
  center = await createCenter(db, { countyId: county.id });
  const other = await createCenter(db, { countyId: county.id });
  // Three donors of the center: two chats, one chat, none.
  const a = await createDonor(db, { recruitedByCenterId: center.id });
  await chatActor(db, a.personId!);
  await chatActor(db, a.personId!);
  const b = await createDonor(db, { recruitedByCenterId: center.id });
  await chatActor(db, b.personId!);
  await createDonor(db, { recruitedByCenterId: center.id });
  // A donor of another center is not in the audience.
  const c = await createDonor(db, { recruitedByCenterId: other.id });
  await chatActor(db, c.personId!);
  network = await createNetwork(db, { centerId: center.id });
  const volunteer = await createVolunteer(db, { centerId: center.id, state: 'ACTIVE' });
  await chatActor(db, volunteer.personId);
  await createNetworkMembership(db, { networkId: network.id, volunteerId: volunteer.id });

  const users = {
    staff: await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id }),
    chair: await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'CHAIR' }),
    otherChair: await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: other.id, trusteeRole: 'CHAIR' }),
    auditor: await createPanelUser(db, 'AUDITOR', { countyId: county.id }),
  };
  for (const [k, u] of Object.entries(users)) logins[k as keyof typeof logins] = await loginAs(app, u.username, u.password);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('new broadcast', () => {
  it('previews the rendered text and the count of chats, creating nothing', async () => {
    const { status, body } = await call('staff', 'POST', 'actions/newBroadcast', donorsForm());
    expect(status).toBe(200);
    expect(body.notice?.type).not.toBe('error');
    expect(body.data?.preview).toMatchObject({ recipientCount: 3, peopleWithoutChat: 1 });
    expect(body.data?.preview?.text).toContain(TEXT);
    expect(body.data?.preview?.text).toContain(center.name);
    expect(await db.broadcast.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it('on GET returns the choices of the form and changes nothing, even with a confirmed form', async () => {
    const { status, body } = await call('staff', 'GET', `actions/newBroadcast?confirm=yes&audience=CENTER_DONORS&centerId=${center.id}&text=x&idempotencyKey=${randomUUID()}`);
    expect(status).toBe(200);
    expect(body.data?.centers?.map((c) => c.id)).toContain(center.id);
    expect(await db.broadcast.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it('refuses an audience the form does not offer just as core refuses a bad audience, creating nothing', async () => {
    const unknownKind = await call('staff', 'POST', 'actions/newBroadcast', donorsForm({ audience: 'EVERYONE', confirm: 'yes', idempotencyKey: randomUUID() }));
    const noCenter = await call('staff', 'POST', 'actions/newBroadcast', donorsForm({ centerId: '', confirm: 'yes', idempotencyKey: randomUUID() }));
    expect(unknownKind.body.notice?.type).toBe('error');
    expect(unknownKind.body.notice?.message).toBe(noCenter.body.notice?.message);
    expect(await db.broadcast.count()).toBe(0);
  });

  it('refuses a trustee of another center and an auditor, creating nothing', async () => {
    const key = randomUUID();
    const other = await call('otherChair', 'POST', 'actions/newBroadcast', donorsForm({ confirm: 'yes', idempotencyKey: key }));
    expect(other.body.notice?.type).toBe('error');
    expect(other.body.data?.broadcast).toBeUndefined();
    const auditor = await call('auditor', 'POST', 'actions/newBroadcast', donorsForm({ confirm: 'yes', idempotencyKey: randomUUID() }));
    expect(auditor.body.record?.baseError?.type).toBe('ForbiddenError');
    expect(auditor.body.data?.broadcast).toBeUndefined();
    expect(await db.broadcast.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it('sends once per recipient chat, and a second submission of the same form sends nothing more', async () => {
    const key = randomUUID();
    const first = await call('chair', 'POST', 'actions/newBroadcast', donorsForm({ confirm: 'yes', idempotencyKey: key }));
    expect(first.body.notice?.type).toBe('success');
    expect(first.body.data?.broadcast?.created).toBe(true);
    const id = first.body.data!.broadcast!.id;
    expect(first.body.redirectUrl).toContain(id);
    const rows = await db.outboxMessage.findMany({ where: { broadcastId: id } });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.chatAccountId)).size).toBe(3);

    const again = await call('chair', 'POST', 'actions/newBroadcast', donorsForm({ confirm: 'yes', idempotencyKey: key }));
    expect(again.body.data?.broadcast).toMatchObject({ id, created: false });
    expect(await db.broadcast.count()).toBe(1);
    expect(await db.outboxMessage.count()).toBe(3);
  });

  it("sends to a network's active volunteers", async () => {
    const { body } = await call('staff', 'POST', 'actions/newBroadcast', { audience: 'NETWORK_VOLUNTEERS', networkId: network.id, text: TEXT, confirm: 'yes', idempotencyKey: randomUUID() });
    const id = body.data!.broadcast!.id;
    expect(await db.outboxMessage.count({ where: { broadcastId: id } })).toBe(1);
    expect((await db.broadcast.findUniqueOrThrow({ where: { id } })).networkId).toBe(network.id);
  });
});

describe('progress and cancel', () => {
  async function freshBroadcast(): Promise<string> {
    const { body } = await call('staff', 'POST', 'actions/newBroadcast', donorsForm({ confirm: 'yes', idempotencyKey: randomUUID() }));
    return body.data!.broadcast!.id;
  }

  it('the list and the page show sent / failed / pending / cancelled as the outbox moves', async () => {
    const id = await freshBroadcast();
    const show = async () => (await call('staff', 'GET', `records/${id}/show`)).body.record!.params;
    expect(await show()).toMatchObject({ sent: 0, failed: 0, pending: 3, cancelled: 0 });
    const [one, two] = await db.outboxMessage.findMany({ where: { broadcastId: id }, orderBy: { id: 'asc' } });
    await db.outboxMessage.update({ where: { id: one!.id }, data: { status: 'SENT', sentAt: new Date() } });
    await db.outboxMessage.update({ where: { id: two!.id }, data: { status: 'FAILED' } });
    expect(await show()).toMatchObject({ sent: 1, failed: 1, pending: 1, cancelled: 0 });
    const list = await call('chair', 'GET', 'actions/list');
    expect(list.body.records?.find((r) => r.id === id)?.params).toMatchObject({ sent: 1, failed: 1, pending: 1, cancelled: 0 });
    // Another center's board sees none of them; an auditor cannot list them.
    const otherList = await call('otherChair', 'GET', 'actions/list');
    expect(otherList.status).toBe(200);
    expect(otherList.body.records).toEqual([]);
    expect((await call('auditor', 'GET', 'actions/list')).body.record?.baseError?.type).toBe('ForbiddenError');
  });

  it('cancel stops what is waiting, on POST only; the other center cannot cancel', async () => {
    const id = await freshBroadcast();
    const viaGet = await call('staff', 'GET', `records/${id}/cancelBroadcast`);
    expect(viaGet.status).toBe(200);
    expect(await db.outboxMessage.count({ where: { broadcastId: id, status: 'PENDING' } })).toBe(3);
    const other = await call('otherChair', 'POST', `records/${id}/cancelBroadcast`, {});
    // Outside the login's scope the record does not exist.
    expect(other.body.record?.baseError?.type).toBe('NotFoundError');
    expect(await db.outboxMessage.count({ where: { broadcastId: id, status: 'PENDING' } })).toBe(3);

    const done = await call('chair', 'POST', `records/${id}/cancelBroadcast`, {});
    expect(done.body.notice?.type).toBe('success');
    expect(done.body.record?.params).toMatchObject({ pending: 0, cancelled: 3 });
    expect((await db.broadcast.findUniqueOrThrow({ where: { id } })).cancelledAt).not.toBeNull();
    expect(done.body.record?.recordActions?.map((a) => a.name)).not.toContain('cancelBroadcast');
  });
});
