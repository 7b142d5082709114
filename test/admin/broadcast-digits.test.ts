/**
 * A broadcast reaches the chat as staff typed it: written in the panel with Persian digits
 * («ساعت ۱۷»), queued, sent by the outbox sender to the fake Bot API with the same digits
 * (the free text is not turned into Latin digits on the way).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { createCenter, createCounty, createDonor } from '../../fixtures/factories.ts';
import type { Database } from '../../prisma/client.ts';
import { buildTestAdmin, createPanelUser, loginAs } from '../helpers/admin.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';

const TYPED = 'دیدار نیکوکاران، جمعه ساعت ۱۷ در مسجد؛ شمارهٔ تماس 0915';

let database: Database;
let app: FastifyInstance;
let h: BotHarness;
let cookie: string;
let centerId: string;
const CHAT_USER = 7_700_001;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  app = await buildTestAdmin(database);
  h = createBotHarness({ database });
  const county = await createCounty(db);
  centerId = (await createCenter(db, { countyId: county.id })).id;
  const donor = await createDonor(db, { recruitedByCenterId: centerId });
  await h.linkPerson(h.user({ id: CHAT_USER, languageCode: 'fa' }), donor.personId!);
  const staff = await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id });
  cookie = await loginAs(app, staff.username, staff.password);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a broadcast typed with Persian digits', () => {
  it('goes out to the chat with the digits as typed (Persian and Latin alike)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/admin/api/resources/Broadcast/actions/newBroadcast',
      headers: { cookie },
      payload: { audience: 'CENTER_DONORS', centerId, text: TYPED, confirm: 'yes', idempotencyKey: randomUUID() },
    });
    expect(res.json().notice?.type).toBe('success');
    expect((await database.db.broadcast.findFirstOrThrow()).text).toBe(TYPED);

    await deliverOutbox(h);
    const sent = h.api.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(CHAT_USER));
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.payload.text)).toContain(TYPED);
  });
});
