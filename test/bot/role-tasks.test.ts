/**
 * The regulation's role duties reach trustees with no seeding at all: on a freshly
 * migrated database the reminder tick's daily jobs turn the task templates into this
 * month's tasks, the assignee hears of them in the bot, and finds them in "my tasks".
 */
import { expect, it } from 'vitest';
import { createReminderRunner } from '../../jobs/reminders/run-reminders.ts';
import { translator } from '../../messenger/i18n.ts';
import { createCenter, createTrustee } from '../../fixtures/factories.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock } from '../helpers/work.ts';

const fa = translator('fa');

const database = useTestDatabase();
let h: BotHarness;

it('a fresh database: the tick gives the vice-chair the month\'s role tasks, told in the bot and listed in "my tasks"', async () => {
  expect(await database.db.trusteeTask.count()).toBe(0);
  const clock = fakeClock(); // 5 Azar 1405, 11:30 in Tehran: past the night's quiet hours
  h = createBotHarness({ database, clock });
  const center = await createCenter(database.db, { name: 'مرکز نیکوکاری مسجد نور' });
  const vice = await createTrustee(database.db, { centerId: center.id, role: 'VICE_CHAIR' });
  const u = h.user({ id: 35001, languageCode: 'fa' });
  await h.linkPerson(u, vice.personId);

  const runner = createReminderRunner({ db: database.db, core: h.core, clock });
  expect((await runner.tick()).dailyJobs).toBe(true);
  await deliverOutbox(h);
  expect(u.texts()).toEqual(
    expect.arrayContaining(['کار تازه به شما سپرده شد: گزارش ماهانه به کمیته امداد', 'کار تازه به شما سپرده شد: ارسال اسناد ماه به امداد']),
  );

  await u.send('/menu');
  await u.press(fa('trustee:menu.tasks'));
  const list = u.lastText()!;
  expect(list).toContain('کارهای شما («مرکز نیکوکاری مسجد نور»، نائب رئیس):');
  expect(list).toContain('گزارش ماهانه به کمیته امداد — مهلت ۲۵ آذر ۱۴۰۵');
  expect(list).toContain('ارسال اسناد ماه به امداد — مهلت ۳۰ آذر ۱۴۰۵');
  // Another role's duty is not the vice-chair's.
  expect(list).not.toContain('تراز مالی ماهانه');

  // A second tick the same day gives nothing twice.
  const before = await database.db.trusteeTask.count();
  await runner.tick();
  expect(await database.db.trusteeTask.count()).toBe(before);
});
