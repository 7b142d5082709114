/**
 * The per-update unit of work: dedupe by (platform, bot, update_id) in the
 * same transaction, one update per chat at a time even across bot instances,
 * state surviving a restart, and a failed update rolled back, recorded and
 * apologised for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;

beforeAll(async () => {
  const countyA = await createCounty(database.db, { name: 'شهرستان الف' });
  const countyB = await createCounty(database.db, { name: 'شهرستان ب' });
  center = await createCenter(database.db, { countyId: countyA.id, name: 'مرکز نیکوکاری الف' });
  await createCenter(database.db, { countyId: countyB.id, name: 'مرکز نیکوکاری حضرت ابوالفضل ۳' });
  h = createBotHarness({ database });
});

const sessionOf = async (userId: number) =>
  (await database.db.botSession.findUnique({ where: { platform_key: { platform: 'TELEGRAM', key: `session:${h.deps.botId}:${userId}` } } }))
    ?.value as { centerId?: string } | undefined;

describe('at most once', () => {
  it('handles an update delivered five times at once, and again later, once', async () => {
    const u = h.user({ id: 3001, languageCode: 'fa' });
    const update = u.messageUpdate(`/start c_${center.activityCode}`);
    await Promise.all([1, 2, 3, 4, 5].map(() => h.deliver(update)));
    await h.deliver(update);
    const welcomes = u.texts().filter((t) => t.includes('از این پس در خدمت شما'));
    expect(welcomes).toHaveLength(1);
    expect(await database.db.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(1);
  });

  it('skips an update another bot instance already handled', async () => {
    const u = h.user({ id: 3002, languageCode: 'en' });
    const update = u.messageUpdate('/help');
    const other = h.spawn();
    await Promise.all([h.deliver(update), h.deliver(update, other)]);
    expect(u.texts().filter((t) => t.startsWith('This bot connects you'))).toHaveLength(1);
  });

  it('two instances receiving one chat\'s double tap advance the conversation once', async () => {
    const u = h.user({ id: 3003, languageCode: 'fa' });
    await u.send('/start');
    expect(u.buttons()).toContain('شهرستان ب');
    const first = u.pressUpdate('شهرستان ب');
    const second = u.pressUpdate('شهرستان ب');
    const other = h.spawn();
    await Promise.all([h.deliver(first), h.deliver(second, other)]);
    // The county question was answered once: one list of its centers; the second tap was told it is out of date.
    expect(u.texts().filter((t) => t.startsWith('مراکز دارای مجوز در شهرستان ب'))).toHaveLength(1);
    expect(u.callbackAnswers()).toEqual(expect.arrayContaining(['', 'این دکمه دیگر فعال نیست. لطفاً از آخرین پیام استفاده کنید.']));
    // And the conversation goes on from where the first tap left it.
    await u.send('ابوالفضل');
    expect(u.buttons()).toEqual(['مرکز نیکوکاری حضرت ابوالفضل ۳']);
  });
});

describe('restart', () => {
  it('a new Bot instance on the same database resumes a conversation in the middle', async () => {
    const u = h.user({ id: 3004, languageCode: 'en' });
    await u.send('/start');
    await u.press('شهرستان ب');
    h.restart();
    await u.send('3'); // ASCII digits find the Persian «۳»
    h.restart();
    await u.press('مرکز نیکوکاری حضرت ابوالفضل ۳');
    expect(u.texts()).toContain('“مرکز نیکوکاری حضرت ابوالفضل ۳” is now your center.');
    expect((await sessionOf(3004))?.centerId).toBeDefined();
    const conv = await database.db.botSession.findUnique({
      where: { platform_key: { platform: 'TELEGRAM', key: `conversation:${h.deps.botId}:3004` } },
    });
    expect(conv).toBeNull(); // finished: no state left behind
  });
});

describe('a failing update', () => {
  it('rolls back its work, is recorded as processed, and the user gets an apology', async () => {
    const u = h.user({ id: 3005, languageCode: 'fa' });
    h.api.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something odd' });
    const update = u.messageUpdate(`/start c_${center.activityCode}`);
    await h.deliver(update);
    // The session write of the failed update did not survive…
    expect((await sessionOf(3005))?.centerId).toBeUndefined();
    // …the update is recorded so a redelivery is not retried forever…
    expect(await database.db.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(1);
    // …and the user was told, politely.
    expect(u.lastText()).toBe('متأسفیم، مشکلی پیش آمد و کار انجام نشد. لطفاً کمی بعد دوباره تلاش کنید.');
    const before = h.api.calls.length;
    await h.deliver(update);
    expect(h.api.calls.length).toBe(before);
  });

  it('keeps the chat account up to date, writing it only when something changed or last seen is an hour old', async () => {
    let now = new Date('2026-12-06T08:00:00Z');
    const timed = createBotHarness({ database, clock: { now: () => now } });
    const u = timed.user({ id: 3006, firstName: 'Reza', languageCode: 'en' });
    const where = { platform_externalUserId: { platform: 'TELEGRAM' as const, externalUserId: '3006' } };
    await u.send('/help');
    const first = await database.db.chatAccount.findUniqueOrThrow({ where });
    expect(first).toMatchObject({ language: 'en', displayName: 'Reza', chatId: '3006', lastSeenAt: now });

    // The same user a minute later: nothing to write (the row is not touched).
    now = new Date('2026-12-06T08:01:00Z');
    await u.send('/help');
    expect(await database.db.chatAccount.findUniqueOrThrow({ where })).toEqual(first);

    // A new name is written at once…
    const renamed = timed.user({ id: 3006, firstName: 'Reza', lastName: 'Karimi', languageCode: 'en' });
    await renamed.send('/help');
    const second = await database.db.chatAccount.findUniqueOrThrow({ where });
    expect(second).toMatchObject({ displayName: 'Reza Karimi', lastSeenAt: now });

    // …and "last seen" once it is an hour old; still one account, in its own language.
    now = new Date('2026-12-06T09:01:00Z');
    await renamed.send('/help');
    expect(await database.db.chatAccount.findUniqueOrThrow({ where })).toMatchObject({ lastSeenAt: now, language: 'en' });
    expect(await database.db.chatAccount.count({ where: { externalUserId: '3006' } })).toBe(1);
  });

  it('marks the chat account blocked when the user blocks the bot, and unblocked when they write again', async () => {
    const u = h.user({ id: 3007, languageCode: 'fa' });
    await u.send('/help');
    await h.deliver({
      update_id: h.nextUpdateId(),
      my_chat_member: {
        chat: { id: 3007, type: 'private', first_name: 'Test' },
        from: u.from,
        date: 0,
        old_chat_member: { status: 'member', user: { id: 123456, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: 'kicked', user: { id: 123456, is_bot: true, first_name: 'Bot' }, until_date: 0 },
      },
    });
    const where = { platform_externalUserId: { platform: 'TELEGRAM' as const, externalUserId: '3007' } };
    expect((await database.db.chatAccount.findUniqueOrThrow({ where })).blocked).toBe(true);
    await u.send('/help');
    expect((await database.db.chatAccount.findUniqueOrThrow({ where })).blocked).toBe(false);
  });
});

describe('auto-retry', () => {
  const tooMany = { error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } };

  it('retries a rate-limited reply inside a conversation (conversations build their own Api)', async () => {
    const u = h.user({ id: 3010, languageCode: 'fa' });
    await u.send('/start');
    h.api.failNext('sendMessage', tooMany);
    await u.press('شهرستان ب');
    expect(u.lastText()).toContain('مراکز دارای مجوز در شهرستان ب');
    expect(u.texts().some((t) => t.startsWith('متأسفیم'))).toBe(false);
  });

  it('retries a rate-limited reply outside conversations', async () => {
    const u = h.user({ id: 3011, languageCode: 'en' });
    h.api.failNext('sendMessage', tooMany);
    await u.send('/help');
    expect(u.texts()).toHaveLength(1);
    expect(u.lastText()).toMatch(/^This bot/);
  });
});
