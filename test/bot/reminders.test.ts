/**
 * A reminder's button (`remind:<kind>:<id>`, put under the message by the
 * outbox sender) leads to what settles it: the task card, the payment report,
 * the license status, the approvals list; presses by someone else or on a
 * settled reminder are answered briefly. The settings screen mutes a kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../messenger/i18n.ts';
import { createCenter, createDonation, createPledge, createTrustee } from '../../fixtures/factories.ts';
import { donorActor } from '../../fixtures/actors.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { fakeClock, FIXED_NOW } from '../helpers/work.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const fa = translator('fa');
const en = translator('en');
/** The reminder itself was sent by the outbox sender, not through this harness: any message id will do. */
const REMINDER_MESSAGE = 900_001;

const database = useTestDatabase();
let h: BotHarness;
let center: Center;
let nextUser = 61_000;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد نور' }, fakeClock())));

type Lng = 'fa' | 'en';

/** Each call may get its own center: a center has one trustee per board role. */
async function trusteeUser(lng: Lng, role: 'CHAIR' | 'VICE_CHAIR' | 'ADMIN_FINANCE' | 'HEALTH', centerId: string) {
  const membership = await createTrustee(database.db, { centerId, role });
  const u = h.user({ id: nextUser++, languageCode: lng });
  await h.linkPerson(u, membership.personId);
  return { u, membership };
}

async function donorUser(lng: Lng) {
  const donor = await donorActor(database.db);
  const u = h.user({ id: nextUser++, languageCode: lng });
  await h.linkPerson(u, donor.personId);
  return { u, donor };
}

async function mutedOf(u: Parameters<BotHarness['chatAccount']>[0]) {
  const chat = await database.db.chatAccount.findUniqueOrThrow({ where: { id: (await h.chatAccount(u)).id } });
  return chat.mutedReminders;
}

/** Someone with a chat but no role at all. */
async function stranger(lng: Lng) {
  const u = h.user({ id: nextUser++, languageCode: lng });
  await u.send('/menu');
  return u;
}

describe.each([
  ['fa', fa],
  ['en', en],
] as const)('reminder buttons (%s)', (lng, t) => {
  it('task: opens the task card for the assignee; a stranger and a closed task get a short answer', async () => {
    const own = await createCenter(database.db);
    const { u, membership } = await trusteeUser(lng, 'VICE_CHAIR', own.id);
    const task = await database.db.trusteeTask.create({
      data: { centerId: own.id, title: 'Monthly balance sheet', dueAt: new Date(FIXED_NOW.getTime() + 86_400_000), assigneeMembershipId: membership.id },
    });
    await u.pressData(`remind:task:${task.id}`, REMINDER_MESSAGE);
    expect(u.lastText()).toContain('Monthly balance sheet');
    expect(u.buttons()).toEqual([t('trustee:tasks.done'), t('trustee:tasks.snoozeDay'), t('trustee:tasks.snoozeWeek')]);
    expect(u.callbackAnswers().at(-1)).toBe('');

    const other = await trusteeUser(lng, 'HEALTH', own.id);
    await other.u.pressData(`remind:task:${task.id}`, REMINDER_MESSAGE);
    expect(other.u.callbackAnswers().at(-1)).toBe(t('trustee:tasks.notYours'));
    const nobody = await stranger(lng);
    await nobody.pressData(`remind:task:${task.id}`, REMINDER_MESSAGE);
    expect(nobody.callbackAnswers().at(-1)).toBe(t('trustee:tasks.notYours'));

    await u.press(t('trustee:tasks.done'));
    expect(await database.db.trusteeTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ state: 'DONE' });
    await u.pressData(`remind:task:${task.id}`, REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe(t('trustee:tasks.closed'));
  });

  it('installment: enters the payment report for the donor; another donor and a paid installment get a short answer', async () => {
    const { u, donor } = await donorUser(lng);
    const pledge = await createPledge(database.db, { centerId: center.id, donorId: donor.donorId, schedule: 'MONTHLY', installmentCount: 3 });
    const first = pledge.installments[0]!;
    await u.pressData(`remind:installment:${first.id}`, REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe('');
    expect(u.texts().at(-2)).toContain(lng === 'fa' ? 'قسط ۱ تعهد ۱' : 'Installment 1 of pledge 1');
    // The payment flow itself: it starts by asking which pledge the payment is for.
    expect(u.lastText()).toBe(t('donor:pay.askTarget'));
    expect(u.buttons()).toContain(t('donor:pay.direct'));

    const other = await donorUser(lng);
    await other.u.pressData(`remind:installment:${first.id}`, REMINDER_MESSAGE);
    expect(other.u.callbackAnswers().at(-1)).toBe(t('reminders:installment.notYours'));
    const nobody = await stranger(lng);
    await nobody.pressData(`remind:installment:${first.id}`, REMINDER_MESSAGE);
    expect(nobody.callbackAnswers().at(-1)).toBe(t('reminders:installment.notYours'));

    await database.db.pledgeInstallment.update({ where: { id: first.id }, data: { state: 'PAID', paidAmountRial: first.scheduledAmountRial! } });
    await u.send('/cancel');
    await u.pressData(`remind:installment:${first.id}`, REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe(t('reminders:installment.settled'));
  });

  it('license: tells a trustee of the center the expiry day (Jalali) and what to do; others are refused', async () => {
    const own = await createCenter(database.db, { name: 'مرکز نیکوکاری مسجد نور', licenseExpiresOn: new Date('2026-12-21T00:00:00Z') });
    const { u } = await trusteeUser(lng, 'CHAIR', own.id);
    await u.pressData(`remind:license:${own.id}`, REMINDER_MESSAGE);
    const text = u.lastText()!;
    expect(text).toBe(t('reminders:license.valid', { center: own.name, date: lng === 'fa' ? '۳۰ آذر ۱۴۰۵' : 'Azar 30, 1405 AP' }));
    expect(u.callbackAnswers().at(-1)).toBe('');

    const elsewhere = await createCenter(database.db);
    await u.pressData(`remind:license:${elsewhere.id}`, REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe(t('reminders:license.notYours'));
    const nobody = await stranger(lng);
    await nobody.pressData(`remind:license:${own.id}`, REMINDER_MESSAGE);
    // A license no longer active is said so, with no expiry day.
    await database.db.center.update({ where: { id: own.id }, data: { licenseState: 'EXPIRED' } });
    await u.pressData(`remind:license:${own.id}`, REMINDER_MESSAGE);
    expect(u.lastText()).toBe(t('reminders:license.inactive', { center: own.name }));
    expect(nobody.callbackAnswers().at(-1)).toBe(t('reminders:license.notYours'));
  });

  it('approvals: opens the list of decisions waiting; a non-trustee is refused', async () => {
    const own = await createCenter(database.db);
    const membership = await createTrustee(database.db, { centerId: own.id, role: 'ADMIN_FINANCE' });
    const u = h.user({ id: nextUser++, languageCode: lng });
    await h.linkPerson(u, membership.personId);
    await u.pressData('remind:approvals:all', REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe(t('trustee:approvals.none'));

    await createDonation(database.db, { centerId: own.id });
    await u.pressData('remind:approvals:all', REMINDER_MESSAGE);
    expect(u.callbackAnswers().at(-1)).toBe('');
    expect(u.texts()).toContain(t('trustee:approvals.count', { count: lng === 'fa' ? '۱' : '1' }));
    expect(u.buttons()).toEqual([t('trustee:approvals.approve'), t('trustee:approvals.reject')]);

    const nobody = await stranger(lng);
    await nobody.pressData('remind:approvals:all', REMINDER_MESSAGE);
    expect(nobody.callbackAnswers().at(-1)).toBe(t('reminders:approvals.notYours'));
  });

  it('settings: /reminders and the menu list the kinds; a toggle mutes the kind in the database and back', async () => {
    const { u } = await donorUser(lng);
    const on = (kind: string) => t('reminders:settings.on', { kind: t(`reminders:kind.${kind}`) });
    const off = (kind: string) => t('reminders:settings.off', { kind: t(`reminders:kind.${kind}`) });
    await u.send('/menu');
    await u.press(t('reminders:menu.settings'));
    expect(u.lastText()).toBe(t('reminders:settings.title'));
    expect(u.buttons()).toEqual([on('task'), on('installment'), on('license'), on('approvals')]);

    await u.press(on('installment'));
    expect(u.callbackAnswers().at(-1)).toBe(t('reminders:settings.turnedOff', { kind: t('reminders:kind.installment') }));
    expect((await mutedOf(u))).toEqual(['installment']);
    expect(u.buttons()).toEqual([on('task'), off('installment'), on('license'), on('approvals')]);

    await u.send('/reminders');
    expect(u.buttons()).toEqual([on('task'), off('installment'), on('license'), on('approvals')]);
    await u.press(off('installment'));
    expect((await mutedOf(u))).toEqual([]);
    expect(u.buttons()).toEqual([on('task'), on('installment'), on('license'), on('approvals')]);
  });
});
