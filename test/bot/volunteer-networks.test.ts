/**
 * The six specialized networks from the bot, in Persian and English: an
 * active volunteer joins two and leaves one (after confirming); presses of an
 * out-of-date screen are answered; a volunteer not yet approved is told why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { createVolunteer } from '../../fixtures/factories.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock } from '../helpers/work.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const fa = translator('fa');
const en = translator('en');

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد الغدیر' }, fakeClock())));

async function activeVolunteerChat(userId: number, languageCode: 'fa' | 'en') {
  const v = await createVolunteer(database.db, { centerId: center.id });
  const u = h.user({ id: userId, languageCode });
  await h.linkPerson(u, v.personId);
  await h.chooseCenter(u, center.id);
  return { u, v };
}

const currentKinds = async (volunteerId: string) =>
  (await database.db.networkMembership.findMany({ where: { volunteerId, leftAt: null }, include: { network: true } }))
    .map((m) => m.network.kind)
    .sort();

describe('networks (fa)', () => {
  it('joins two networks, leaves one after confirming; the screen says what is true', async () => {
    const { u, v } = await activeVolunteerChat(32001, 'fa');
    await u.send('/menu');
    await u.press(fa('volunteer:menu.networks'));
    expect(u.lastText()).toContain('شبکه‌های تخصصی «مرکز نیکوکاری مسجد الغدیر»');
    expect(u.lastText()).toContain(fa('volunteer:networks.mineNone'));
    expect(u.buttons()).toHaveLength(6);

    await u.press('➕ خدمات حقوقی');
    expect(u.callbackAnswers().at(-1)).toBe('به شبکهٔ «خدمات حقوقی» پیوستید.');
    await u.press('➕ حمایتی و سلامت');
    expect(u.lastText()).toContain('شبکه‌های شما در «مرکز نیکوکاری مسجد الغدیر»: خدمات حقوقی، حمایتی و سلامت');
    expect(u.buttons()).toEqual(expect.arrayContaining(['✅ خدمات حقوقی', '✅ حمایتی و سلامت', '➕ مسکن و عمران']));
    expect(await currentKinds(v.id)).toEqual(['LEGAL_SERVICES', 'SUPPORT_HEALTH']);

    // The status screen lists them too.
    await u.send('/volunteering');
    expect(u.lastText()).toContain('شبکه‌ها: خدمات حقوقی، حمایتی و سلامت');

    await u.send('/networks');
    await u.press('✅ خدمات حقوقی');
    expect(u.lastText()).toBe('از شبکهٔ «خدمات حقوقی» خارج می‌شوید؟');
    const confirmMessage = u.lastKeyboardMessageId()!;
    const yes = h.api.screens.get(32001)!.messages.get(confirmMessage)!.reply_markup!.inline_keyboard[0]![0]!;
    await u.press('بله، خارج شوم');
    expect(u.lastText()).toBe('از شبکهٔ «خدمات حقوقی» خارج شدید.');
    expect(await currentKinds(v.id)).toEqual(['SUPPORT_HEALTH']);

    // The confirmation pressed again: answered, nothing changes.
    await u.pressData((yes as { callback_data: string }).callback_data, confirmMessage);
    expect(u.callbackAnswers().at(-1)).toBe(fa('volunteer:networks.notMember'));
    expect(await currentKinds(v.id)).toEqual(['SUPPORT_HEALTH']);
  });

  it('"No, stay" keeps the membership', async () => {
    const { u, v } = await activeVolunteerChat(32002, 'fa');
    await u.send('/networks');
    await u.press('➕ کارآفرینی و اشتغال');
    await u.press('✅ کارآفرینی و اشتغال');
    await u.press('خیر، بمانم');
    expect(u.lastText()).toBe('در شبکهٔ «کارآفرینی و اشتغال» می‌مانید.');
    expect(await currentKinds(v.id)).toEqual(['ENTREPRENEURSHIP_EMPLOYMENT']);
  });

  it('an applicant still in vetting is told they can join once approved; a stranger is told to apply', async () => {
    const v = await createVolunteer(database.db, { centerId: center.id, state: 'VETTING' });
    const u = h.user({ id: 32003, languageCode: 'fa' });
    await h.linkPerson(u, v.personId);
    await u.send('/networks');
    expect(u.lastText()).toBe('پس از تأیید همکاری‌تان می‌توانید به شبکه‌های تخصصی بپیوندید. وضعیت فعلی: در حال بررسی گزینش و حراست.');
    const stranger = h.user({ id: 32004, languageCode: 'fa' });
    await stranger.send('/networks');
    expect(stranger.lastText()).toBe(fa('volunteer:networks.none'));
  });

  it('a join pressed after the volunteering ended is answered, not ignored', async () => {
    const { u, v } = await activeVolunteerChat(32005, 'fa');
    await u.send('/networks');
    await database.db.volunteer.update({ where: { id: v.id }, data: { state: 'INACTIVE', deactivatedAt: new Date() } });
    await u.press('➕ فرهنگی و آموزشی');
    expect(u.callbackAnswers().at(-1)).toBe(fa('volunteer:networks.changed'));
    expect(await currentKinds(v.id)).toEqual([]);
  });
});

describe('networks (en)', () => {
  it('joins two networks and leaves one', async () => {
    const { u, v } = await activeVolunteerChat(32011, 'en');
    await u.send('/menu');
    await u.press(en('volunteer:menu.networks'));
    await u.press('➕ Culture and education');
    await u.press('➕ Public participation');
    expect(u.lastText()).toContain('Your networks at "مرکز نیکوکاری مسجد الغدیر": Culture and education, Public participation');
    await u.press('✅ Public participation');
    expect(u.lastText()).toBe('Leave the "Public participation" network?');
    await u.press('Yes, leave');
    expect(u.lastText()).toBe('You left the "Public participation" network.');
    expect(await currentKinds(v.id)).toEqual(['CULTURE_EDUCATION']);
    await u.send('/volunteering');
    expect(u.lastText()).toContain('• مرکز نیکوکاری مسجد الغدیر: active');
    expect(u.lastText()).toContain('Networks: Culture and education');
  });
});
