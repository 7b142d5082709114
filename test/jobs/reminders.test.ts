/**
 * Reminders on a fake clock: recurring tasks follow the Jalali calendar, tasks
 * are reminded before due and while overdue, installments up to their maximum,
 * licenses to the chair and county staff, a daily digest of approvals — and
 * nothing in the night's quiet hours, nor of a kind the user turned off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../prisma/client.ts';
import { createCore } from '../../core/index.ts';
import { startOfJalaliDay } from '../../core/jalali.ts';
import { createReminderRunner } from '../../jobs/reminders/run-reminders.ts';
import { renderNotification } from '../../messenger/notification-render.ts';
import { parseQuietHours } from '../../jobs/config.ts';
import type { NotificationParams } from '../../core/outbox.ts';
import { createCenter, createDonation, createPledge, createDonor, createTrustee } from '../../fixtures/factories.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { chatActor } from '../helpers/work.ts';

const CLASSIC_TEMPLATES = ['monthly-balance-sheet', 'monthly-report-to-imdad', 'annual-financial-plan'];

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // The migration gives every database the regulation's role duties; this file follows the
  // finance officer's and the vice-chair's report alone, so the other roles' duties would only add noise.
  await db.taskTemplate.updateMany({ where: { code: { notIn: CLASSIC_TEMPLATES } }, data: { active: false } });
});
afterAll(async () => database?.close());

/** An instant in Tehran: Jalali 1405-mm-dd hh:mm. */
function tehran(month: number, day: number, hour: number, minute = 0, year = 1405): Date {
  return new Date(startOfJalaliDay({ year, month, day }).getTime() + (hour * 60 + minute) * 60_000);
}

function runnerAt(settings = {}) {
  let now = new Date(0);
  const clock = { now: () => now };
  const runner = createReminderRunner({ db, core: createCore({ db, clock }), clock, settings });
  return {
    runner,
    async tickAt(at: Date) {
      now = at;
      return runner.tick();
    },
  };
}

async function reminders(personId: string, prefix = 'reminder.') {
  const rows = await db.outboxMessage.findMany({
    where: { chatAccount: { personId }, template: { startsWith: prefix } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ template: r.template, createdAt: r.createdAt, fa: renderNotification(r.template, r.params as NotificationParams, 'fa').text, params: r.params as NotificationParams }));
}

async function centerWithBoard() {
  const center = await createCenter(db);
  const chair = await createTrustee(db, { centerId: center.id, role: 'CHAIR' });
  const finance = await createTrustee(db, { centerId: center.id, role: 'ADMIN_FINANCE' });
  const vice = await createTrustee(db, { centerId: center.id, role: 'VICE_CHAIR' });
  for (const m of [chair, finance, vice]) await chatActor(db, m.personId);
  return { center, chair, finance, vice };
}

describe('trustee tasks and recurring templates', () => {
  it('the month\'s tasks appear on the 1st of the Jalali month; overdue once a day, due soon before, never at night', async () => {
    const { center, finance, vice } = await centerWithBoard();
    const { tickAt } = runnerAt();

    // 1 Azar, 09:00: the daily jobs make Azar's tasks from the role templates.
    expect((await tickAt(tehran(9, 1, 9))).dailyJobs).toBe(true);
    const azar = await db.trusteeTask.findMany({ where: { centerId: center.id }, orderBy: { dueAt: 'asc' } });
    expect(azar.map((t) => [t.periodKey, t.assigneeMembershipId])).toEqual([
      ['1405-09', finance.id], // balance sheet, due at the end of 1 Azar
      ['1405-09', vice.id], // report to Imdad, due at the end of 25 Azar
    ]);
    expect((await reminders(finance.personId, 'task.')).map((r) => r.template)).toEqual(['task.assigned']);
    // Just assigned: no "due soon" on top of the assignment message.
    expect(await reminders(finance.personId)).toEqual([]);

    // 2 Azar 09:00: the balance sheet is overdue; a second tick that day adds nothing.
    await tickAt(tehran(9, 2, 9));
    await tickAt(tehran(9, 2, 15));
    let r = await reminders(finance.personId);
    expect(r.map((x) => x.template)).toEqual(['reminder.taskOverdue']);
    expect(r[0]!.fa).toBe(`مهلت کار «تراز مالی ماهانه» در «${center.name}» (۱ آذر ۱۴۰۵) گذشته است. لطفاً آن را انجام دهید یا زمان تازه‌ای برایش بگذارید.`);
    expect(r[0]!.params.reminderAction).toBe(`remind:task:${azar[0]!.id}`);

    // The next day's reminder waits while it is night in Tehran, and goes at 08:00.
    await tickAt(tehran(9, 2, 23, 30));
    await tickAt(tehran(9, 3, 7, 59));
    expect(await reminders(finance.personId)).toHaveLength(1);
    await tickAt(tehran(9, 3, 8, 0));
    r = await reminders(finance.personId);
    expect(r).toHaveLength(2);
    expect(r[1]!.createdAt).toEqual(tehran(9, 3, 8, 0));

    // The report to Imdad (due end of 25 Azar) is announced 48 h before: not on the night of 23→24 Azar, but at 08:00.
    await tickAt(tehran(9, 23, 21));
    await tickAt(tehran(9, 24, 0, 30));
    expect(await reminders(vice.personId)).toEqual([]);
    await tickAt(tehran(9, 24, 8));
    r = await reminders(vice.personId);
    expect(r.map((x) => x.template)).toEqual(['reminder.taskDueSoon']);
    expect(r[0]!.fa).toContain('تا ۲۵ آذر ۱۴۰۵');

    // Completed: no more reminders.
    await db.trusteeTask.update({ where: { id: azar[1]!.id }, data: { state: 'DONE', completedAt: tehran(9, 25, 10) } });
    await tickAt(tehran(9, 27, 9));
    expect(await reminders(vice.personId)).toHaveLength(1);

    // 30 Azar is still Azar (21 December); Dey's tasks come on 1 Dey (22 December).
    await tickAt(tehran(9, 30, 9));
    expect(await db.trusteeTask.count({ where: { centerId: center.id, periodKey: '1405-10' } })).toBe(0);
    await tickAt(tehran(10, 1, 9));
    expect(await db.trusteeTask.count({ where: { centerId: center.id, periodKey: '1405-10' } })).toBe(2);
  });

  it('an overdue task is reminded at most taskMaxReminders times', async () => {
    const { center, finance } = await centerWithBoard();
    await db.trusteeTask.create({
      data: { centerId: center.id, title: 'صورتجلسهٔ جلسهٔ آذر', assigneeMembershipId: finance.id, dueAt: tehran(9, 5, 0), createdAt: tehran(9, 1, 9) },
    });
    const { tickAt } = runnerAt({ taskMaxReminders: 3 });
    for (let day = 5; day <= 12; day++) await tickAt(tehran(9, day, 10));
    const r = (await reminders(finance.personId)).filter((x) => x.fa.includes('صورتجلسهٔ جلسهٔ آذر'));
    expect(r.map((x) => x.template)).toEqual(['reminder.taskOverdue', 'reminder.taskOverdue', 'reminder.taskOverdue']);
  });
});

describe('pledge installments', () => {
  it('three days before, on the day, and once more if partly paid; then no more; a muted kind stops', async () => {
    const center = await createCenter(db);
    const donorChat = await chatActor(db, (await createDonor(db)).personId!);
    const donor = await db.donor.findFirstOrThrow({ where: { personId: donorChat.personId! } });
    // Monthly, 10 Azar 1405 (1 December 2026), 3 × 1,000,000 Rials.
    const pledge = await createPledge(db, { centerId: center.id, donorId: donor.id, schedule: 'MONTHLY', installmentCount: 3, firstDueOn: new Date('2026-12-01') });
    const [first, second] = pledge.installments;
    const personId = donorChat.personId!;
    const { tickAt } = runnerAt();

    await tickAt(tehran(9, 6, 10));
    expect(await reminders(personId)).toEqual([]);
    await tickAt(tehran(9, 7, 10));
    await tickAt(tehran(9, 7, 18));
    let r = await reminders(personId);
    expect(r.map((x) => x.template)).toEqual(['reminder.installmentUpcoming']);
    expect(r[0]!.fa).toBe(`یادآوری تعهد: قسط ۱ از ۳ شما برای «${center.name}» (۱۰۰٬۰۰۰ تومان) در ۱۰ آذر ۱۴۰۵ سررسید می‌شود. خداوند خیرتان دهد.`);
    expect(r[0]!.params.reminderAction).toBe(`remind:installment:${first!.id}`);

    await tickAt(tehran(9, 10, 9));
    // Half paid on the day: the rest is reminded three days later, once.
    await db.pledgeInstallment.update({ where: { id: first!.id }, data: { state: 'PARTIAL', paidAmountRial: 400_000n } });
    for (const day of [11, 12, 13, 14, 15]) await tickAt(tehran(9, day, 10));
    r = await reminders(personId);
    expect(r.map((x) => x.template)).toEqual(['reminder.installmentUpcoming', 'reminder.installmentToday', 'reminder.installmentLate']);
    expect(r[2]!.fa).toContain('(۶۰٬۰۰۰ تومان) از ۱۰ آذر ۱۴۰۵ مانده است');

    // The donor turns installment reminders off: the second installment (10 Dey) is not reminded.
    await createCore({ db }).notifications.setReminderMuted(donorChat, { kind: 'installment', muted: true });
    await tickAt(tehran(10, 7, 10));
    await tickAt(tehran(10, 10, 10));
    expect(await reminders(personId)).toHaveLength(3);
    expect(await db.pledgeInstallment.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ reminderCount: 2 });
  });
});

describe('licenses and approvals', () => {
  it('a license running out: 30, 7 and 1 days before, to the chair and the county staff, from the digest hour', async () => {
    const { center, chair, finance } = await centerWithBoard();
    // Valid through 10 Dey 1405 (31 December 2026).
    await db.center.update({ where: { id: center.id }, data: { licenseExpiresOn: new Date('2026-12-31') } });
    const staff = await staffActor(db, 'COUNTY_STAFF', { countyId: center.countyId });
    await chatActor(db, staff.personId);
    const { tickAt } = runnerAt();

    await tickAt(tehran(9, 10, 8, 30)); // 30 days before, but before 09:00
    expect(await reminders(chair.personId)).toEqual([]);
    for (const [m, d] of [[9, 10], [9, 11], [10, 3], [10, 4], [10, 9], [10, 10]] as const) await tickAt(tehran(m, d, 9));
    for (const personId of [chair.personId, staff.personId]) {
      const r = await reminders(personId, 'reminder.license');
      expect(r.map((x) => x.params.days)).toEqual([30, 7, 1]);
      expect(r[0]!.fa).toBe(`مجوز «${center.name}» تا ۱۰ دی ۱۴۰۵ اعتبار دارد (۳۰ روز دیگر). لطفاً برای تمدید به‌موقع با ادارهٔ امداد شهرستان هماهنگ کنید.`);
    }
    expect(await reminders(finance.personId, 'reminder.license')).toEqual([]);
  });

  it('a daily digest of pending approvals to whoever may decide them, once a day', async () => {
    const { center, chair, finance, vice } = await centerWithBoard();
    const staff = await staffActor(db, 'COUNTY_STAFF', { countyId: center.countyId });
    await chatActor(db, staff.personId);
    const requested = { targetEntity: 'Distribution', centerId: center.id, countyId: center.countyId, requestedAt: tehran(9, 3, 12) };
    await db.approvalRequest.create({ data: { ...requested, kind: 'DISTRIBUTION', targetId: 'd-1', deciderTrusteeRole: 'CHAIR' } });
    await db.approvalRequest.create({ data: { ...requested, kind: 'ARCHIVE_DESTRUCTION', targetEntity: 'ArchiveDocument', targetId: 'a-1', deciderStaffRole: 'COUNTY_STAFF' } });
    await db.approvalRequest.create({ data: { ...requested, kind: 'DISTRIBUTION', targetId: 'd-2', deciderTrusteeRole: 'CHAIR', state: 'APPROVED', decidedAt: tehran(9, 4, 9) } });
    await createDonation(db, { centerId: center.id, state: 'REPORTED' });
    const { tickAt } = runnerAt();

    await tickAt(tehran(9, 5, 8, 30));
    expect(await reminders(chair.personId, 'reminder.approvals')).toEqual([]);
    await tickAt(tehran(9, 5, 9));
    await tickAt(tehran(9, 5, 17));
    await tickAt(tehran(9, 6, 9));
    for (const personId of [chair.personId, staff.personId, finance.personId]) {
      const r = await reminders(personId, 'reminder.approvals');
      expect(r).toHaveLength(2);
      expect(r[0]!.params.count).toBe(1);
      expect(r[0]!.params.reminderAction).toBe('remind:approvals:all');
    }
    expect((await reminders(chair.personId, 'reminder.approvals'))[0]!.fa).toBe('۱ مورد در انتظار تصمیم شماست؛ قدیمی‌ترین از ۳ آذر ۱۴۰۵.');
    expect(await reminders(vice.personId, 'reminder.approvals')).toEqual([]);
  });
});

describe('quiet hours setting', () => {
  it('QUIET_HOURS "0-6" moves the quiet period; "off" sends at any hour', async () => {
    const { center, finance } = await centerWithBoard();
    await db.trusteeTask.create({ data: { centerId: center.id, title: 'گزارش شبانه', assigneeMembershipId: finance.id, dueAt: tehran(11, 1, 0), createdAt: tehran(10, 20, 9) } });
    const early = runnerAt({ quietHours: parseQuietHours('0-6')! });
    expect((await early.tickAt(tehran(11, 2, 5))).quiet).toBe(true);
    expect((await early.tickAt(tehran(11, 2, 23))).quiet).toBe(false);
    const off = runnerAt({ quietHours: parseQuietHours('off')! });
    expect((await off.tickAt(tehran(11, 3, 3))).quiet).toBe(false);
    expect((await reminders(finance.personId)).filter((r) => r.fa.includes('گزارش شبانه'))).toHaveLength(2);
    expect(parseQuietHours('22-8')).toEqual({ startHour: 22, endHour: 8 });
    expect(parseQuietHours('25-8')).toBeNull();
  });
});
