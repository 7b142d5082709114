/**
 * A trustee's tasks from the bot, in Persian and English: the list (overdue
 * flagged), marking one done, postponing one, presses on a closed task
 * answered; the daily digest (/digest and buildTrusteeDigest).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrusteeDigest } from '../../bot/screens/digest.ts';
import { translator } from '../../messenger/i18n.ts';
import { createDonation, createTrustee } from '../../fixtures/factories.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock, FIXED_NOW } from '../helpers/work.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const fa = translator('fa');
const en = translator('en');
const day = 86_400_000;
const inDays = (n: number) => new Date(FIXED_NOW.getTime() + n * day);

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد نور' }, fakeClock())));

async function trusteeChat(userId: number, role: 'VICE_CHAIR' | 'DONORS_MEN' | 'HEALTH', languageCode: 'fa' | 'en') {
  const membership = await createTrustee(database.db, { centerId: center.id, role });
  const u = h.user({ id: userId, languageCode });
  await h.linkPerson(u, membership.personId);
  const task = (title: string, dueAt: Date, extra: Record<string, unknown> = {}) =>
    database.db.trusteeTask.create({ data: { centerId: center.id, title, dueAt, assigneeMembershipId: membership.id, ...extra } });
  return { u, membership, task };
}

describe('my tasks (fa)', () => {
  it('lists open tasks with due dates, marks one done, postpones another to tomorrow; a closed task says so', async () => {
    const { u, task } = await trusteeChat(34001, 'VICE_CHAIR', 'fa');
    const overdue = await task('تهیه ترازنامه ماهانه', inDays(-2));
    const soon = await task('تنظیم صورتجلسه', inDays(3), { description: 'جلسه هفتگی هیئت امنا' });
    await task('کار انجام‌شده', inDays(1), { state: 'DONE', completedAt: inDays(-1) });

    await u.send('/menu');
    await u.press(fa('trustee:menu.tasks'));
    const list = u.lastText()!;
    expect(list).toContain('کارهای شما («مرکز نیکوکاری مسجد نور»، نائب رئیس):');
    expect(list).toContain('۱. تهیه ترازنامه ماهانه — مهلت ۳ آذر ۱۴۰۵ ⚠️ گذشته از مهلت');
    expect(list).toContain('۲. تنظیم صورتجلسه — مهلت ۸ آذر ۱۴۰۵');
    expect(list).not.toContain('کار انجام‌شده');
    expect(u.buttons()).toEqual(['۱. تهیه ترازنامه ماهانه', '۲. تنظیم صورتجلسه']);

    await u.press('۱. تهیه ترازنامه ماهانه');
    expect(u.lastText()).toBe('🗂 تهیه ترازنامه ماهانه\nمهلت: ۳ آذر ۱۴۰۵');
    const doneButton = u.lastKeyboardMessageId()!;
    const doneData = h.api.screens.get(34001)!.messages.get(doneButton)!.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string };
    await u.press(fa('trustee:tasks.done'));
    expect(u.callbackAnswers().at(-1)).toBe('«تهیه ترازنامه ماهانه» انجام شد. سپاس از زحمت شما.');
    expect(await database.db.trusteeTask.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ state: 'DONE', completedAt: FIXED_NOW });

    await u.pressData(doneData.callback_data, doneButton);
    expect(u.callbackAnswers().at(-1)).toBe(fa('trustee:tasks.closed'));

    await u.send('/tasks');
    await u.press('۱. تنظیم صورتجلسه');
    expect(u.lastText()).toBe('🗂 تنظیم صورتجلسه\nجلسه هفتگی هیئت امنا\nمهلت: ۸ آذر ۱۴۰۵');
    await u.press(fa('trustee:tasks.snoozeDay'));
    expect(u.lastText()).toBe('«تنظیم صورتجلسه» به ۶ آذر ۱۴۰۵ موکول شد.');
    expect(await database.db.trusteeTask.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({ state: 'SNOOZED', snoozedUntil: inDays(1) });
    await u.send('/tasks');
    expect(u.lastText()).toContain('۱. تنظیم صورتجلسه — مهلت ۸ آذر ۱۴۰۵ (به تعویق تا ۶ آذر ۱۴۰۵)');
  });

  it('the daily digest now: open and overdue tasks, decisions waiting', async () => {
    const { u, task } = await trusteeChat(34002, 'DONORS_MEN', 'fa');
    await task('دیدار با خیرین محله', inDays(-1));
    await task('گزارش شفافیت', inDays(5));
    await u.send('/digest');
    const digest = u.lastText()!;
    expect(digest).toContain('📰 خلاصهٔ ۵ آذر ۱۴۰۵\nمسئول امور خیرین و برادران امدادیار «مرکز نیکوکاری مسجد نور»');
    expect(digest).toContain('کارهای باز: ۲ (گذشته از مهلت: ۱)');
    expect(digest).toContain('• دیدار با خیرین محله — ۴ آذر ۱۴۰۵ ⚠️ گذشته از مهلت');
    expect(digest).not.toContain('در انتظار تصمیم شما');

    // Not yet acknowledged: the conduct points come first, until the trustee accepts them.
    expect(u.texts()).toContain(fa('trustee:conduct.points'));
    await u.press(fa('trustee:conduct.accept'));
    expect(u.lastText()).toBe(fa('trustee:conduct.recorded'));
    const shown = u.texts().length;
    await u.send('/digest');
    expect(u.texts().slice(shown)).toEqual([expect.stringContaining('📰 خلاصهٔ ۵ آذر ۱۴۰۵')]);
  });

  it('a chat without a board role is told how to link', async () => {
    const u = h.user({ id: 34003, languageCode: 'fa' });
    await u.send('/tasks');
    expect(u.lastText()).toBe(fa('trustee:link.notTrustee'));
  });
});

describe('my tasks (en)', () => {
  it('postpones a task by a week and marks another done', async () => {
    const { u, task } = await trusteeChat(34011, 'HEALTH', 'en');
    const a = await task('Monthly balance sheet', inDays(1));
    const b = await task('Archive the receipts', inDays(2));
    await u.send('/tasks');
    expect(u.lastText()).toContain('Your tasks ("مرکز نیکوکاری مسجد نور", health and treatment officer):');
    expect(u.lastText()).toContain('1. Monthly balance sheet — due Azar 6, 1405 AP');
    await u.press('1. Monthly balance sheet');
    await u.press(en('trustee:tasks.snoozeWeek'));
    expect(u.lastText()).toBe('"Monthly balance sheet" was postponed to Azar 12, 1405 AP.');
    expect(await database.db.trusteeTask.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ state: 'SNOOZED', snoozedUntil: inDays(7) });
    await u.send('/tasks');
    await u.press('2. Archive the receipts');
    await u.press(en('trustee:tasks.done'));
    expect(u.lastText()).toBe('Done: "Archive the receipts". Thank you.');
    expect(await database.db.trusteeTask.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ state: 'DONE' });
  });
});

describe('buildTrusteeDigest', () => {
  it('an empty digest says so and is marked empty; decisions waiting are counted', async () => {
    const finance = await createTrustee(database.db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const membership = { membershipId: finance.id, personId: finance.personId, centerId: center.id, centerName: center.name, role: finance.role };
    const quiet = await buildTrusteeDigest({ core: h.core, t: en, language: 'en' }, membership);
    expect(quiet).toEqual({ empty: true, text: `📰 Summary for Azar 5, 1405 AP\nadministration and finance officer of "${center.name}"\n\nNothing is waiting for you today.` });
    await createDonation(database.db, { centerId: center.id });
    const busy = await buildTrusteeDigest({ core: h.core, t: fa, language: 'fa' }, membership);
    expect(busy.empty).toBe(false);
    expect(busy.text).toContain('در انتظار تصمیم شما: ۱');
  });
});
