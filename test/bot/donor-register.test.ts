/**
 * Registering as a donor through the bot, in Persian and English: the mobile
 * by a shared contact or typed in any digits, the national ID optional; wrong
 * answers asked again; the chat ends up linked to the new donor.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson, uniqueNationalId } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { donorActor } from '../../fixtures/actors.ts';
import { fakeClock } from '../helpers/giving.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';
import { persianDigits } from '../../messenger/digits.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, {}, fakeClock)));

let nextId = 5300;
async function visitor(languageCode: 'fa' | 'en') {
  const u = h.user({ id: nextId++, firstName: 'Visitor', languageCode });
  await h.chooseCenter(u, center.id);
  await u.send('/menu');
  return u;
}


async function donorOfChat(u: TestUser) {
  const account = await h.chatAccount(u);
  if (!account.personId) return null;
  return database.db.donor.findUnique({ where: { personId: account.personId }, include: { person: true } });
}

describe('register in Persian', () => {
  it('takes the name, the shared contact (only the sender’s own) and a skipped national ID', async () => {
    const u = await visitor('fa');
    await u.press('ثبت‌نام خیّر');
    await u.send('علي');
    await u.send('كريمي');
    expect(u.lastText()).toContain('شمارهٔ همراه خود را با دکمهٔ «ارسال شمارهٔ من» بفرستید');
    expect(u.buttons()).toContain('ارسال شمارهٔ من');
    await u.send('۰۲۱۲۲');
    expect(u.lastText()).toMatch(/^شمارهٔ همراه درست نیست\. مثلاً ۰۹۱۲۱۲۳۴۵۶۷\n\nشمارهٔ همراه خود را/);
    await u.shareContact('+989121110001', { ownContact: false });
    expect(u.lastText()).toMatch(/^لطفاً شمارهٔ خودتان را بفرستید/);
    expect(await donorOfChat(u)).toBeNull();
    await u.shareContact('+989121110001');
    expect(u.lastText()).toBe('اگر مایلید کد ملی خود را بنویسید؛ در غیر این صورت «رد شدن» را بزنید.');
    await u.press('رد شدن');
    expect(u.texts()).toContain('علی عزیز، ثبت‌نام شما انجام شد. از همراهی‌تان سپاسگزاریم.');
    // The main menu now offers what a donor does.
    expect(u.buttons()).toContain('ثبت تعهد کمک');
    expect(u.buttons()).not.toContain('رد شدن');
    const donor = await donorOfChat(u);
    expect(donor).toMatchObject({ type: 'NATURAL', recruitedByCenterId: center.id });
    expect(donor!.person).toMatchObject({ firstName: 'علی', lastName: 'کریمی', mobile: '09121110001', nationalId: null });
  });

  it('asks again when the national ID is someone else’s, and registers without it', async () => {
    const taken = uniqueNationalId();
    await createPerson(database.db, { nationalId: taken });
    const u = await visitor('fa');
    await u.press('ثبت‌نام خیّر');
    await u.send('زهرا');
    await u.send('احمدی');
    await u.send('۰۹۱۲۱۱۱۰۰۰۲');
    await u.send('۱۲۳۴۵۶۷۸۹۰');
    expect(u.lastText()).toBe('کد ملی درست نیست. ۱۰ رقم کد ملی را وارد کنید.\n\nاگر مایلید کد ملی خود را بنویسید؛ در غیر این صورت «رد شدن» را بزنید.');
    await u.send(persianDigits(taken));
    expect(u.lastText()).toMatch(/^این کد ملی پیش‌تر در سامانه ثبت شده است\./);
    expect(await donorOfChat(u)).toBeNull();
    await u.press('رد شدن');
    const donor = await donorOfChat(u);
    expect(donor!.person).toMatchObject({ firstName: 'زهرا', mobile: '09121110002', nationalId: null });
    expect(await database.db.person.count({ where: { nationalId: taken } })).toBe(1);
  });

  it('tells a registered donor so instead of registering again', async () => {
    const u = await visitor('fa');
    const donor = await donorActor(database.db);
    await h.linkPerson(u, donor.personId);
    await u.pressData('donor:register');
    expect(u.lastText()).toBe('شما پیش‌تر به‌عنوان خیّر ثبت‌نام کرده‌اید.');
    expect(await database.db.donor.count({ where: { personId: donor.personId } })).toBe(1);
  });
});

describe('register in English', () => {
  it('takes a mobile typed in Persian digits and a national ID after a wrong one', async () => {
    const nid = uniqueNationalId();
    const u = await visitor('en');
    await u.press('Register as a donor');
    expect(u.lastText()).toBe('Welcome among the donors. Please type your first name.');
    await u.send('Sara');
    await u.send('Rahimi 2');
    expect(u.lastText()).toBe('Please type the name in letters (at most 100).\n\nPlease type your last name.');
    await u.send('Rahimi');
    await u.send('۰۹۱۲ ۱۱۱ ۰۰۰۳');
    await u.send('1111111111');
    expect(u.lastText()).toBe('The national ID is not valid. Enter its 10 digits.\n\nIf you like, type your national ID; otherwise press "Skip".');
    await u.send(nid);
    expect(u.texts()).toContain('Thank you, Sara: you are registered as a donor.');
    const donor = await donorOfChat(u);
    expect(donor!.person).toMatchObject({ firstName: 'Sara', lastName: 'Rahimi', mobile: '09121110003', nationalId: nid });
  });
});
