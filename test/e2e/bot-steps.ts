/**
 * What people do in the bot, each as they do it on the phone: open the center's link
 * (`/start c_<activity code>`, the poster's QR), press the buttons on screen, type in
 * Persian digits. A step fails when a button it needs is not on screen.
 */
import { expect } from 'vitest';
import { uniqueNationalId } from '../../fixtures/factories.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import type { TickResult } from '../../jobs/reminders/run-reminders.ts';
import { translator } from '../../messenger/i18n.ts';
import { persianDigits } from '../../messenger/digits.ts';
import { built, type World } from './world.ts';

const fa = translator('fa');

let nextUserId = 61_000;

/** Someone opens the center's link from its poster: the chat is at that center, the main menu on screen. */
export async function someoneOpensTheCentersLink(w: World, firstName: string): Promise<TestUser> {
  const u = w.bot.user({ id: nextUserId++, firstName, languageCode: 'fa' });
  await u.send(`/start c_${built(w.story.activityCode, 'licensed center')}`);
  return u;
}

/** A trustee types the one-time code staff gave them, then accepts the regulation's conduct points. */
export async function trusteeLinksTheChatByCode(u: TestUser, code: string): Promise<void> {
  await u.send('/link');
  expect(u.lastText()).toBe(fa('trustee:link.ask'));
  await u.send(code);
  expect(u.lastText()).toBe(fa('trustee:conduct.points'));
  await u.press(fa('trustee:conduct.accept'));
  expect(u.lastText()).toBe(fa('trustee:conduct.recorded'));
}

/** A neighbour signs up to volunteer, answering each question (national ID in Persian digits, the mobile by the contact button). */
export async function volunteerSignsUpInTheBot(u: TestUser): Promise<void> {
  await u.send('/menu');
  await u.press(fa('volunteer:menu.signup'));
  await u.send('زهرا');
  await u.send('کریمی');
  await u.send(persianDigits(uniqueNationalId()));
  await u.shareContact('+989121234567');
  await u.send('خیاطی، آشپزی');
  await u.press(fa('volunteer:signup.skip'));
  await u.press(fa('volunteer:signup.confirm'));
}

/** The volunteer opens the networks and joins one by its button. */
export async function volunteerJoinsANetwork(u: TestUser, network: string): Promise<void> {
  await u.send('/networks');
  await u.press(`➕ ${network}`);
}

/** The reminder tick the jobs run every five minutes (its first of the day runs the daily jobs), then the sender. */
export async function theReminderTickRuns(w: World): Promise<TickResult> {
  const result = await w.reminders.tick();
  await w.deliver();
  return result;
}

/** A trustee opens "my tasks"; returns the list as shown. */
export async function trusteeOpensMyTasks(u: TestUser): Promise<string> {
  await u.send('/menu');
  await u.press(fa('trustee:menu.tasks'));
  return u.lastText() ?? '';
}

/** A trustee opens a task of "my tasks" by its button and marks it done; returns what the bot answered. */
export async function trusteeMarksATaskDone(u: TestUser, title: string): Promise<string> {
  await u.send('/tasks');
  const button = u.buttons().find((b) => b.endsWith(title));
  await u.press(built(button, `task "${title}" on screen`));
  await u.press(fa('trustee:tasks.done'));
  return u.callbackAnswers().at(-1) ?? '';
}

/** A neighbour registers as a donor: name, the mobile by the contact button, no national ID. */
export async function donorRegistersInTheBot(u: TestUser): Promise<void> {
  await u.send('/menu');
  await u.press('ثبت‌نام خیّر');
  await u.send('علی');
  await u.send('کریمی');
  await u.shareContact('+989121110001');
  await u.press('رد شدن');
}

/** The donor pledges a one-off cash gift to the general fund, the amount typed in Persian digits. */
export async function donorPledgesInTheBot(u: TestUser, toman: string): Promise<void> {
  await u.send('/menu');
  await u.press('ثبت تعهد کمک');
  await u.press('نقدی');
  await u.press('کمک عمومی');
  await u.press('یک‌باره');
  await u.send(toman);
  await u.press('نامم آورده شود');
  await u.press('تأیید و ثبت');
}

/** The donor reports paying the pledge today: its trace number and card digits typed, the receipt photographed. */
export async function donorReportsThePayment(u: TestUser, pledgeButton: string, traceNumber: string): Promise<void> {
  await u.send('/menu');
  await u.press('گزارش پرداخت');
  await u.press(pledgeButton);
  const paidInFull = u.buttons().find((b) => b.endsWith('تومان'));
  await u.press(built(paidInFull, 'the pledged amount as a button'));
  await u.press('امروز');
  await u.send(traceNumber);
  await u.send('۶۰۳۷');
  await u.sendPhoto();
  await u.press('تأیید و ثبت');
}

/** A trustee opens what waits for their decision and approves the first item; returns what the bot said. */
export async function trusteeApprovesInTheBot(u: TestUser): Promise<string[]> {
  const before = u.texts().length;
  await u.send('/approvals');
  await u.press(fa('trustee:approvals.approve'));
  return u.texts().slice(before);
}
