/** Language (any time), /help, /cancel, /menu, the unhandled hint and out-of-date buttons, in fa and en. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Awaited<ReturnType<typeof createCenter>>;

beforeAll(async () => {
  const a = await createCounty(database.db, { name: 'شهرستان یک' });
  const b = await createCounty(database.db, { name: 'شهرستان دو' });
  center = await createCenter(database.db, { countyId: a.id, name: 'مرکز نیکوکاری امید' });
  await createCenter(database.db, { countyId: b.id, name: 'مرکز نیکوکاری نور' });
  h = createBotHarness({ database });
});

const STALE_FA = 'این دکمه دیگر فعال نیست. لطفاً از آخرین پیام استفاده کنید.';
const language = async (id: number) =>
  (await database.db.chatAccount.findUniqueOrThrow({ where: { platform_externalUserId: { platform: 'TELEGRAM', externalUserId: String(id) } } }))
    .language;

describe('language', () => {
  it('/language switches fa → en, stored on the chat account, and back', async () => {
    const u = h.user({ id: 5001, languageCode: 'fa' });
    await u.send('/language');
    expect(u.buttons()).toEqual(['فارسی', 'English']);
    await u.press('English');
    expect(u.lastText()).toBe('The language is now English.');
    expect(await language(5001)).toBe('en');
    await u.send('/help');
    expect(u.lastText()).toMatch(/^This bot connects you/);
    await u.send('/language');
    await u.press('فارسی');
    expect(u.lastText()).toBe('زبان به فارسی تغییر کرد.');
    expect(await language(5001)).toBe('fa');
  });

  it('keeps the change when answering the press comes too late for the messenger', async () => {
    const u = h.user({ id: 5003, languageCode: 'fa' });
    await u.send('/language');
    h.api.failNext('answerCallbackQuery', {
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    await u.press('English');
    expect(await language(5003)).toBe('en');
    expect(u.lastText()).toBe('The language is now English.');
  });

  it('is changeable from the menu and in the middle of a conversation, which continues in the new language', async () => {
    const u = h.user({ id: 5002, languageCode: 'fa' });
    await u.send('/start');
    await u.press('شهرستان یک');
    await u.send('/language');
    await u.press('English');
    await u.send('امید');
    expect(u.lastText()).toBe('These centers were found; please choose one:');
    await u.press('مرکز نیکوکاری امید');
    expect(u.texts()).toContain('“مرکز نیکوکاری امید” is now your center.');
    await u.send('/menu');
    await u.press('Language / زبان');
    await u.press('فارسی');
    expect(await language(5002)).toBe('fa');
  });
});

describe('/help, /menu, /cancel', () => {
  it('/help answers in the chat\'s language', async () => {
    const fa = h.user({ id: 5010, languageCode: 'fa' });
    await fa.send('/help');
    expect(fa.lastText()).toMatch(/^این بات ارتباط شما با مرکز نیکوکاری محله است/);
    await fa.send('/menu');
    await fa.press('راهنما');
    expect(fa.lastText()).toMatch(/^این بات/);
  });

  it('/menu without a center says so and offers the pick', async () => {
    const u = h.user({ id: 5011, languageCode: 'en' });
    await u.send('/menu');
    expect(u.lastText()).toBe('Main menu\nYou have not chosen a center yet.');
    expect(u.buttons()).toContain('Choose center');
  });

  it('/cancel leaves the conversation in the middle: the next text is not taken as an answer', async () => {
    const u = h.user({ id: 5012, languageCode: 'fa' });
    await u.send('/start');
    await u.press('شهرستان یک');
    await u.send('/cancel');
    expect(u.lastText()).toBe('لغو شد. برای دیدن منو: /menu');
    expect(await database.db.botSession.count({ where: { key: `conversation:${h.deps.botId}:5012` } })).toBe(0);
    await u.send('امید');
    expect(u.lastText()).toBe('متوجه نشدم. برای دیدن کارهایی که می‌توانم انجام دهم: /menu');
    await u.send('/cancel');
    expect(u.lastText()).toBe('کاری در جریان نبود. برای دیدن منو: /menu');
  });

  it('/menu in the middle of a conversation leaves it and shows the menu', async () => {
    const u = h.user({ id: 5013, languageCode: 'en' });
    await u.send('/start');
    await u.press('شهرستان یک');
    await u.send('/menu');
    expect(u.lastText()).toBe('Main menu\nYou have not chosen a center yet.');
    await u.send('امید');
    expect(u.lastText()).toBe('Sorry, I did not understand. To see what I can do: /menu');
  });
});

describe('out of date and unknown input', () => {
  it('answers a press of a button from a finished conversation, never silently', async () => {
    const u = h.user({ id: 5020, languageCode: 'fa' });
    await u.send('/start');
    const countyMessage = u.lastKeyboardMessageId()!;
    await u.press('شهرستان یک');
    await u.press('مرکز نیکوکاری امید');
    const calls = await u.pressData('county:gone', countyMessage);
    expect(calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text)).toEqual([STALE_FA]);
  });

  it('answers an old button pressed in the middle of a conversation, which goes on', async () => {
    const u = h.user({ id: 5021, languageCode: 'fa' });
    await u.send(`/start c_${center.activityCode}`);
    const menuMessage = u.lastKeyboardMessageId()!;
    await u.press('انتخاب مرکز');
    await u.press('شهرستان دو');
    await u.pressData('something:old', menuMessage);
    expect(u.callbackAnswers().at(-1)).toBe(STALE_FA);
    await u.send('نور');
    expect(u.buttons()).toEqual(['مرکز نیکوکاری نور']);
  });

  it('answers a button of an unknown kind outside any conversation', async () => {
    const u = h.user({ id: 5022, languageCode: 'en' });
    await u.send('/menu');
    await u.pressData('xyz:1');
    expect(u.callbackAnswers()).toEqual(['This button is no longer active. Please use the latest message.']);
  });

  it('gives a short hint for text nobody handles (fa and en)', async () => {
    const fa = h.user({ id: 5023, languageCode: 'fa' });
    await fa.send('سلام');
    expect(fa.lastText()).toBe('متوجه نشدم. برای دیدن کارهایی که می‌توانم انجام دهم: /menu');
    const en = h.user({ id: 5024, languageCode: 'en' });
    await en.send('hello');
    expect(en.lastText()).toBe('Sorry, I did not understand. To see what I can do: /menu');
  });
});
