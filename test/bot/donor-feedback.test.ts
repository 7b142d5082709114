/** Feedback and complaints through the bot: anonymous ones store no person and no chat; named ones keep both. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db.ts';
import { donorActor, staffActor } from '../../fixtures/actors.ts';
import { fakeClock } from '../helpers/giving.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, {}, fakeClock)));

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

  it('county staff answer and close: a named sender hears the answer in their language, an anonymous one is never traced', async () => {
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    const named = h.user({ id: nextId++, languageCode: 'en' });
    await h.chooseCenter(named, center.id);
    await named.send('/menu');
    await named.press('Suggestion, criticism or complaint');
    await named.press('Criticism');
    await named.send('The queue is too long');
    await named.press('With my name');
    const fb = await database.db.feedback.findFirstOrThrow({ where: { body: 'The queue is too long' } });

    await h.core.work.handleFeedback(staff, { feedbackId: fb.id, state: 'IN_REVIEW' });
    await h.core.work.handleFeedback(staff, { feedbackId: fb.id, state: 'RESOLVED', response: 'A second desk opens on Saturdays.' });
    await deliverOutbox(h);
    expect(named.lastText()).toBe('The answer to your message: A second desk opens on Saturdays.');

    const anonymous = await database.db.feedback.findFirstOrThrow({ where: { body: 'ساعت کاری مرکز رعایت نمی‌شود' } });
    const queued = await database.db.outboxMessage.count();
    await h.core.work.handleFeedback(staff, { feedbackId: anonymous.id, state: 'DISMISSED', response: 'بررسی شد.' });
    expect(await database.db.outboxMessage.count()).toBe(queued);
  });
});
