/** Feedback and complaints through the bot: anonymous ones store no person and no chat; named ones keep both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../prisma/client.ts';
import { createCenter } from '../../prisma/seed/factories.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { donorActor } from '../helpers/actors.ts';
import { fakeClock } from '../helpers/giving.ts';
import { createBotHarness, type BotHarness } from '../helpers/bot/harness.ts';

let database: Database;
let h: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;

beforeAll(async () => {
  database = await createTestDatabase();
  center = await createCenter(database.db);
  h = createBotHarness({ database, clock: fakeClock });
});
afterAll(() => database.close());

let nextId = 6100;

describe('feedback', () => {
  it('an anonymous complaint in Persian reaches the county with no person and no chat', async () => {
    const u = h.user({ id: nextId++, languageCode: 'fa' });
    const donor = await donorActor(database.db);
    await h.linkPerson(u, donor.personId);
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press('پیشنهاد، انتقاد یا شکایت');
    await u.send('شکایت دارم');
    expect(u.lastText()).toBe('لطفاً یکی از گزینه‌های زیر را بزنید.\n\nموضوع پیام شما چیست؟');
    await u.press('شکایت');
    await u.send('الف'.repeat(1500));
    expect(u.lastText()).toBe('متن بیش از حدّ طولانی است.\n\nمتن پیام خود را بنویسید.');
    await u.send('ساعت کاری مرکز رعایت نمی‌شود');
    await u.press('ناشناس');
    expect(u.lastText()).toBe('پیام شما بدون نام به ادارهٔ امداد شهرستان رسید و بررسی می‌شود. سپاسگزاریم.');
    const feedback = await database.db.feedback.findFirstOrThrow({ where: { body: 'ساعت کاری مرکز رعایت نمی‌شود' } });
    expect(feedback).toMatchObject({
      kind: 'COMPLAINT',
      anonymous: true,
      authorPersonId: null,
      authorChatAccountId: null,
      centerId: center.id,
      countyId: center.countyId,
    });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entityId: feedback.id } });
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(donor.personId);
  });

  it('a named suggestion in English keeps the sender', async () => {
    const u = h.user({ id: nextId++, languageCode: 'en' });
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press('Suggestion, criticism or complaint');
    await u.press('Suggestion');
    await u.send('Open on Fridays too');
    await u.press('With my name');
    expect(u.lastText()).toBe('Your message has reached the county Imdad office and will be looked into. Thank you.');
    const chat = await h.chatAccount(u);
    const feedback = await database.db.feedback.findFirstOrThrow({ where: { body: 'Open on Fridays too' } });
    expect(feedback).toMatchObject({ kind: 'SUGGESTION', anonymous: false, authorChatAccountId: chat.id });
  });
});
