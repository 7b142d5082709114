/** /start: a center's deep link, or the county → center pick (search in any digits and spelling), in fa and en. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCenter, createCounty } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';

const database = useTestDatabase();
let h: BotHarness;
let mosque: Awaited<ReturnType<typeof createCenter>>;
let suspended: Awaited<ReturnType<typeof createCenter>>;
let karimeh: Awaited<ReturnType<typeof createCenter>>;

beforeAll(async () => {
  const central = await createCounty(database.db, { name: 'شهرستان مرکزی' });
  const east = await createCounty(database.db, { name: 'شهرستان شرقی' });
  await createCounty(database.db, { name: 'شهرستان بی‌مرکز' });
  mosque = await createCenter(database.db, { countyId: central.id, name: 'مرکز نیکوکاری مسجد جامع' });
  suspended = await createCenter(database.db, { countyId: central.id, name: 'مرکز نیکوکاری تعلیق‌شده', licenseState: 'SUSPENDED' });
  await createCenter(database.db, { countyId: east.id, name: 'مرکز نیکوکاری ۱۲ فروردین' });
  karimeh = await createCenter(database.db, { countyId: east.id, name: 'مرکز نیکوکاری کریمه اهل بیت' });
  await createCenter(database.db, { countyId: east.id, name: 'مرکز نیکوکاری در حال بررسی', licenseState: 'APPLIED' });
  h = createBotHarness({ database });
});

const sessionCenter = async (userId: number) =>
  ((await database.db.botSession.findUnique({ where: { platform_key: { platform: 'TELEGRAM', key: `session:${h.deps.botId}:${userId}` } } }))
    ?.value as { centerId?: string } | undefined)?.centerId;

describe('/start with a deep link', () => {
  it('links the chat to the licensed center named by its activity code (fa)', async () => {
    const u = h.user({ id: 4001, firstName: 'علی', languageCode: 'fa' });
    await u.send(`/start c_${mosque.activityCode}`);
    expect(u.texts()[0]).toBe('خوش آمدید. از این پس در خدمت شما از طرف «مرکز نیکوکاری مسجد جامع» (شهرستان مرکزی) هستیم.\nبرای تغییر زبان: /language');
    expect(u.lastText()).toBe('منوی اصلی — مرکز نیکوکاری مسجد جامع\nچه کاری برایتان انجام دهم؟');
    expect(u.buttons()).toEqual(expect.arrayContaining(['انتخاب مرکز', 'زبان / Language', 'راهنما']));
    expect(await sessionCenter(4001)).toBe(mosque.id);
  });

  it('speaks English to an English client, and the code matches in any case', async () => {
    const u = h.user({ id: 4002, firstName: 'Sara', languageCode: 'en-GB' });
    await u.send(`/start c_${mosque.activityCode!.toLowerCase()}`);
    expect(u.texts()[0]).toBe('Welcome. From now on we serve you on behalf of “مرکز نیکوکاری مسجد جامع” (شهرستان مرکزی).\nTo change the language: /language');
    expect(u.buttons()).toEqual(expect.arrayContaining(['Choose center', 'Language / زبان', 'Help']));
    expect(await sessionCenter(4002)).toBe(mosque.id);
  });

  it('refuses a center without a license and offers the pick instead', async () => {
    const u = h.user({ id: 4003, languageCode: 'fa' });
    await u.send(`/start c_${suspended.activityCode}`);
    expect(u.texts()[0]).toBe('این مرکز فعلاً مجوز فعالیت ندارد. لطفاً یکی از مراکز دارای مجوز را انتخاب کنید.');
    expect(u.lastText()).toBe('شهرستان خود را انتخاب کنید:');
    expect(await sessionCenter(4003)).toBeUndefined();
  });

  it('explains an unknown code and offers the pick', async () => {
    const u = h.user({ id: 4004, languageCode: 'en' });
    await u.send('/start c_NOPE-9999');
    expect(u.texts()[0]).toBe('This link is not valid. Please choose your center from the list.');
    expect(u.lastText()).toBe('Choose your county:');
  });
});

describe('/start without a link: county → licensed center', () => {
  it('lists only counties with a licensed center, then that county\'s licensed centers', async () => {
    const u = h.user({ id: 4010, languageCode: 'fa' });
    await u.send('/start');
    expect(u.texts()[0]).toContain('اول مرکز نیکوکاری محلهٔ خود را انتخاب کنید');
    expect(u.buttons().sort()).toEqual(['شهرستان شرقی', 'شهرستان مرکزی'].sort());
    await u.press('شهرستان شرقی');
    expect(u.lastText()).toContain('مراکز دارای مجوز در شهرستان شرقی');
    expect(u.buttons().sort()).toEqual(['مرکز نیکوکاری ۱۲ فروردین', 'مرکز نیکوکاری کریمه اهل بیت'].sort());
  });

  it('finds a center typed with ASCII digits and stores the choice (fa)', async () => {
    const u = h.user({ id: 4011, languageCode: 'fa' });
    await u.send('/start');
    await u.press('شهرستان شرقی');
    await u.send('12 فروردین');
    expect(u.lastText()).toBe('این مراکز پیدا شد؛ یکی را انتخاب کنید:');
    expect(u.buttons()).toEqual(['مرکز نیکوکاری ۱۲ فروردین']);
    await u.press('مرکز نیکوکاری ۱۲ فروردین');
    expect(u.texts()).toContain('مرکز «مرکز نیکوکاری ۱۲ فروردین» انتخاب شد.');
    expect(u.lastText()).toBe('منوی اصلی — مرکز نیکوکاری ۱۲ فروردین\nچه کاری برایتان انجام دهم؟');
    expect(await sessionCenter(4011)).toBeDefined();
  });

  it('finds a center typed with Arabic ي/ك, and says so when nothing matches (en)', async () => {
    const u = h.user({ id: 4012, languageCode: 'en' });
    await u.send('/start');
    await u.press('شهرستان شرقی');
    await u.send('بررسی'); // an unlicensed center's name: not offered
    expect(u.lastText()).toBe('No center with that name was found. Try another part of the name.');
    await u.send('كريمه');
    expect(u.buttons()).toEqual(['مرکز نیکوکاری کریمه اهل بیت']);
    await u.press('مرکز نیکوکاری کریمه اهل بیت');
    expect(u.texts()).toContain('“مرکز نیکوکاری کریمه اهل بیت” is now your center.');
    expect(await sessionCenter(4012)).toBe(karimeh.id);
  });

  it('asks again, briefly, when a photo arrives instead of a name', async () => {
    const u = h.user({ id: 4013, languageCode: 'fa' });
    await u.send('/start');
    await u.press('شهرستان مرکزی');
    await u.sendPhoto();
    expect(u.lastText()).toBe('لطفاً مرکز را از دکمه‌ها انتخاب کنید یا بخشی از نامش را بنویسید.');
  });

  it('welcomes back a chat that already chose, with the menu', async () => {
    const u = h.user({ id: 4014, languageCode: 'fa' });
    await h.chooseCenter(u, mosque.id);
    await u.send('/start');
    expect(u.texts()).toEqual(['سلام، خوش آمدید.', 'منوی اصلی — مرکز نیکوکاری مسجد جامع\nچه کاری برایتان انجام دهم؟']);
  });

  it('"choose center" in the menu starts the pick again', async () => {
    const u = h.user({ id: 4015, languageCode: 'fa' });
    await u.send(`/start c_${mosque.activityCode}`);
    await u.press('انتخاب مرکز');
    expect(u.lastText()).toBe('شهرستان خود را انتخاب کنید:');
  });
});
