/**
 * Volunteer sign-up and "service for service" sign-up through the bot, in
 * Persian and English: wrong answers are explained and asked again, the
 * application is stored by core, and the volunteer sees the vetting result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { uniqueMobile, uniqueNationalId } from '../../fixtures/factories.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';
import { fakeClock } from '../helpers/work.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';
import { persianDigits } from '../../messenger/digits.ts';

const fa = translator('fa');
const en = translator('en');

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد امام رضا' }, fakeClock())));

async function volunteerOf(userId: number) {
  const account = await h.chatAccount(h.user({ id: userId }));
  if (!account.personId) return null;
  return database.db.volunteer.findFirst({ where: { personId: account.personId }, include: { person: true } });
}

describe('volunteer sign-up (fa)', () => {
  it('asks step by step, re-asks a wrong mobile, stores the application and links the chat', async () => {
    const u = h.user({ id: 31001, firstName: 'زهرا', languageCode: 'fa' });
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press(fa('volunteer:menu.signup'));
    expect(u.texts().some((t) => t.includes('سپاسگزاریم'))).toBe(true);
    expect(u.lastText()).toBe('نام شما؟');
    await u.send('زهرا');
    await u.send('كريمي'); // Arabic letters: stored in Persian spelling
    const nid = uniqueNationalId();
    await u.send('۱۲۳');
    expect(u.lastText()).toBe(`${fa('errors:INVALID_NATIONAL_ID')}\n\n${fa('volunteer:signup.askNationalId')}`);
    await u.send(persianDigits(nid));
    expect(u.buttons()).toContain(fa('volunteer:signup.shareContact'));
    await u.send('۰۹۱۲');
    expect(u.lastText()).toContain(fa('errors:INVALID_MOBILE'));
    expect(u.lastText()).toContain(fa('volunteer:signup.askMobile'));
    await u.shareContact('+989121234567');
    await u.send('خیاطی، آشپزی');
    await u.press(fa('volunteer:signup.skip'));
    const summary = u.lastText()!;
    expect(summary).toContain('زهرا کریمی');
    expect(summary).toContain(persianDigits(nid));
    expect(summary).toContain('۰۹۱۲۱۲۳۴۵۶۷');
    expect(summary).toContain('خیاطی، آشپزی');
    await u.press(fa('volunteer:signup.confirm'));
    expect(u.lastText()).toContain('درخواست همکاری شما با «مرکز نیکوکاری مسجد امام رضا» ثبت شد');
    // Applying again here would be refused: the menu offers the application's status instead.
    await u.send('/menu');
    expect(u.buttons()).toContain(fa('volunteer:menu.status'));
    expect(u.buttons()).not.toContain(fa('volunteer:menu.signup'));
    expect(u.buttons()).not.toContain(fa('volunteer:menu.serviceForService'));

    const v = await volunteerOf(31001);
    expect(v).toMatchObject({
      centerId: center.id,
      state: 'APPLIED',
      skills: ['خیاطی', 'آشپزی'],
      availability: null,
      serviceForService: false,
      person: { firstName: 'زهرا', lastName: 'کریمی', nationalId: nid, mobile: '09121234567' },
    });
  });

  it('shows the vetting result: waiting, then not accepted with the reason', async () => {
    const u = h.user({ id: 31001, languageCode: 'fa' });
    await u.send('/volunteering');
    expect(u.lastText()).toContain('مرکز نیکوکاری مسجد امام رضا: درخواست رسید؛ در انتظار بررسی');
    expect(u.lastText()).toContain('تاریخ درخواست: ۵ آذر ۱۴۰۵');

    const v = (await volunteerOf(31001))!;
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    await h.core.volunteers.sendVolunteerToVetting(staff, { volunteerId: v.id });
    await u.send('/menu');
    await u.press(fa('volunteer:menu.status'));
    expect(u.lastText()).toContain('در حال بررسی گزینش و حراست');
    await expect(h.core.volunteers.vetVolunteer(staff, { volunteerId: v.id, decision: 'REJECT' })).rejects.toMatchObject({ code: 'REQUIRED' });
    await h.core.volunteers.vetVolunteer(staff, { volunteerId: v.id, decision: 'REJECT', reason: 'مدارک ناقص است' });
    // The decision reaches the chat by itself, through the outbox.
    await deliverOutbox(h);
    expect(u.lastText()).toBe('درخواست همکاری شما با «مرکز نیکوکاری مسجد امام رضا» پذیرفته نشد. علت: مدارک ناقص است');
    await u.send('/volunteering');
    expect(u.lastText()).toContain('پذیرفته نشد');
    expect(u.lastText()).toContain('علت: مدارک ناقص است');
  });

  it('a second application to the same center is refused before any question', async () => {
    const u = h.user({ id: 31002, languageCode: 'fa' });
    await h.chooseCenter(u, center.id);
    await u.send('/volunteer');
    await u.send('علی');
    await u.send('رضایی');
    await u.send(uniqueNationalId());
    await u.send(uniqueMobile());
    await u.press(fa('volunteer:signup.skip'));
    await u.send('عصرها');
    await u.press(fa('volunteer:signup.confirm'));
    await u.send('/volunteer');
    expect(u.lastText()).toContain(fa('errors:VOLUNTEER_ALREADY_APPLIED'));
    expect(await database.db.volunteer.count({ where: { person: { chatAccounts: { some: { externalUserId: '31002' } } } } })).toBe(1);
  });

  it('without a chosen center it says how to choose one; cancelling at the summary stores nothing', async () => {
    const u = h.user({ id: 31003, languageCode: 'fa' });
    await u.send('/volunteer');
    expect(u.lastText()).toBe(fa('volunteer:signup.needCenter'));
    await h.chooseCenter(u, center.id);
    await u.send('/volunteer');
    await u.send('مریم');
    await u.send('احمدی');
    await u.send(uniqueNationalId());
    await u.send(uniqueMobile());
    await u.press(fa('volunteer:signup.skip'));
    await u.press(fa('volunteer:signup.skip'));
    await u.press(fa('volunteer:signup.cancel'));
    expect(u.lastText()).toBe(fa('volunteer:signup.cancelled'));
    expect((await h.chatAccount(u)).personId).toBeNull();
  });
});

describe('service for service (en)', () => {
  it('a service recipient signs up to help in return, across a restart; stored with serviceForService', async () => {
    const u = h.user({ id: 31011, firstName: 'Reza', languageCode: 'en' });
    await h.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press(en('volunteer:menu.serviceForService'));
    expect(u.texts().some((t) => t.startsWith('"Service for service"'))).toBe(true);
    await u.send('Reza');
    await u.send('Moradi');
    const nid = uniqueNationalId();
    await u.send(nid);
    // A restart (deploy) in the middle: the sign-up resumes from the database.
    h.restart();
    await u.shareContact('+989351112233', { ownContact: false });
    expect(u.lastText()).toContain(en('volunteer:signup.contactNotYours'));
    await u.send('0935 111 2233');
    await u.send('painting, driving');
    await u.send('Friday mornings');
    expect(u.lastText()).toContain('Service for service: yes');
    await u.press(en('volunteer:signup.confirm'));
    expect(u.lastText()).toContain('Your application to "مرکز نیکوکاری مسجد امام رضا" was recorded.');
    expect(await volunteerOf(31011)).toMatchObject({
      serviceForService: true,
      skills: ['painting', 'driving'],
      availability: 'Friday mornings',
      person: { mobile: '09351112233', nationalId: nid },
    });
    await u.send('/volunteering');
    expect(u.lastText()).toContain('application received, waiting for review');
    expect(u.lastText()).toContain('(service for service)');
    expect(u.lastText()).toContain('Azar 5, 1405');
  });

  it('a command sent mid sign-up leaves the sign-up and is handled', async () => {
    const u = h.user({ id: 31012, languageCode: 'en' });
    await h.chooseCenter(u, center.id);
    await u.send('/volunteer');
    await u.send('Sara');
    await u.send('/volunteering');
    expect(u.lastText()).toBe(en('volunteer:status.none'));
    await u.send('Sara');
    expect(u.lastText()).toBe(translator('en')('bot:unhandled.hint'));
  });
});

describe('on Bale', () => {
  it('signs up with the contact button using only what Bale supports', async () => {
    const bale = createBotHarness({ database, platform: 'BALE', clock: fakeClock() });
    const u = bale.user({ id: 31021, languageCode: 'fa' });
    await bale.chooseCenter(u, center.id);
    await u.send('/menu');
    await u.press(fa('volunteer:menu.signup'));
    await u.send('نرگس');
    await u.send('صالحی');
    await u.send(uniqueNationalId());
    await u.shareContact('+989131234567');
    await u.send('تدریس');
    await u.press(fa('volunteer:signup.skip'));
    await u.press(fa('volunteer:signup.confirm'));
    expect(u.lastText()).toContain('ثبت شد');
    expect(bale.api.rejected).toEqual([]);
  });
});
