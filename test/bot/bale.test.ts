/**
 * Bale: the same bot at https://tapi.bale.ai, using only what Bale supports
 * (the fake refuses other methods and fields), and the platform in every key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';

const database = useTestDatabase();
let bale: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;

beforeAll(async () => {
  const a = await createCounty(database.db, { name: 'شهرستان بله' });
  const b = await createCounty(database.db, { name: 'شهرستان دیگر' });
  center = await createCenter(database.db, { countyId: a.id, name: 'مرکز نیکوکاری بله' });
  await createCenter(database.db, { countyId: b.id, name: 'مرکز نیکوکاری ۷ تیر' });
  bale = createBotHarness({ database, platform: 'BALE' });
});

describe('Bale mode', () => {
  it('runs the start, pick, language, help, cancel and out-of-date flows with Bale-only calls', async () => {
    const u = bale.user({ id: 7001, languageCode: 'fa' });
    await u.send(`/start c_${center.activityCode}`);
    expect(u.texts()[0]).toContain('مرکز نیکوکاری بله');
    const oldMenu = u.lastKeyboardMessageId()!;
    await u.press('انتخاب مرکز');
    await u.press('شهرستان دیگر');
    await u.send('۷ تیر');
    await u.press('مرکز نیکوکاری ۷ تیر');
    await u.send('/language');
    await u.press('English');
    await u.send('/help');
    await u.send('/start');
    await u.send('/menu');
    await u.press('Choose center');
    await u.send('/cancel');
    await u.pressData('county:old', oldMenu);
    await u.send('hello');
    bale.api.failNext('sendMessage', { error_code: 400, description: 'Bad Request' });
    await u.send('/help'); // a failure still ends in an apology Bale can show

    expect(u.texts()).toContain('مرکز «مرکز نیکوکاری ۷ تیر» انتخاب شد.');
    expect(u.texts()).toContain('Cancelled. To see the menu: /menu');
    expect(u.callbackAnswers()).toContain('This button is no longer active. Please use the latest message.');
    expect(u.lastText()).toBe('Sorry, something went wrong and nothing was done. Please try again a little later.');
    expect(bale.api.rejected).toEqual([]);
    expect(bale.api.calls.length).toBeGreaterThan(15);
    expect(bale.api.calls.filter((c) => 'parse_mode' in c.payload)).toEqual([]);
    expect(bale.api.calls.map((c) => c.method)).not.toContain('sendChatAction');
  });

  it('the fake does refuse what Bale lacks (so the check above means something)', async () => {
    await expect(bale.bot.api.sendChatAction(7001, 'typing')).rejects.toThrow(/Bale has no method sendChatAction/);
    await expect(bale.bot.api.sendMessage(7001, '<b>x</b>', { parse_mode: 'HTML' })).rejects.toThrow(/parse_mode/);
    await expect(
      bale.bot.api.sendMessage(7001, 'x', { reply_markup: { inline_keyboard: [[{ text: 'c', copy_text: { text: 'x' } }]] } }),
    ).rejects.toThrow(/copy_text/);
  });

  it('keeps Telegram and Bale apart: same user id and update id are two accounts and two updates', async () => {
    const telegram = createBotHarness({ database });
    const onBale = bale.user({ id: 7002, languageCode: 'fa' });
    const onTelegram = telegram.user({ id: 7002, languageCode: 'en' });
    const update = onBale.messageUpdate('/help');
    await bale.deliver(update);
    await telegram.deliver({ ...onTelegram.messageUpdate('/help'), update_id: update.update_id });
    expect(onBale.lastText()).toMatch(/^این بات/);
    expect(onTelegram.lastText()).toMatch(/^This bot/);
    const accounts = await database.db.chatAccount.findMany({ where: { externalUserId: '7002' }, orderBy: { platform: 'asc' } });
    expect(accounts.map((a) => [a.platform, a.language])).toEqual([
      ['TELEGRAM', 'en'],
      ['BALE', 'fa'],
    ]);
    expect(await database.db.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(2);
    await bale.chooseCenter(onBale, center.id);
    await onTelegram.send('/menu');
    expect(onTelegram.lastText()).toBe('Main menu\nYou have not chosen a center yet.');
  });
});
