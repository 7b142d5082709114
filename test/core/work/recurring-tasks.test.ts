/** Recurring tasks from templates on the Jalali calendar: one per center, role and period, idempotent. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '../../../core/actor.ts';
import { generateRecurringTasks } from '../../../core/work/generate-recurring-tasks.ts';
import { completeTask } from '../../../core/work/complete-task.ts';
import { createTask } from '../../../core/work/create-task.ts';
import { occurrenceInMonth } from '../../../core/work/recurrence.ts';
import { formatJalaliDate } from '../../../messenger/format.ts';
import { createCenter, createTrustee } from '../../../fixtures/factories.ts';
import { staffActor } from '../../../fixtures/actors.ts';
import { auditRows, useWorkCtx, workCtx } from '../../helpers/work.ts';

const CLASSIC_TEMPLATES = ['monthly-balance-sheet', 'monthly-report-to-imdad', 'annual-financial-plan'];

const ctx = useWorkCtx(); // 5 Azar 1405
const system: SystemActor = { kind: 'system', job: 'recurring-tasks' };
beforeAll(async () => {
  // The migration gives every database the regulation's role duties; this file follows the
  // finance officer's and the vice-chair's report alone, so the other roles' duties would only add noise.
  await ctx.db.taskTemplate.updateMany({ where: { code: { notIn: CLASSIC_TEMPLATES } }, data: { active: false } });
});

describe('occurrenceInMonth', () => {
  it('reads BYMONTHDAY on the Jalali month and clamps to its length', () => {
    const azar = { year: 1405, month: 9, day: 5 };
    const first = occurrenceInMonth('FREQ=MONTHLY;BYMONTHDAY=1', azar)!;
    expect(first.periodKey).toBe('1405-09');
    // Due at the very end of 1 Azar in Tehran, so it reads as 1 Azar wherever it is shown.
    expect(formatJalaliDate(first.dueAt, 'en')).toBe('Azar 1, 1405 AP');
    const last = occurrenceInMonth('FREQ=MONTHLY;BYMONTHDAY=31', azar)!; // Azar has 30 days
    expect(formatJalaliDate(last.dueAt, 'en')).toBe('Azar 30, 1405 AP');
    expect(occurrenceInMonth('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15', azar)).toBeNull();
    expect(occurrenceInMonth('FREQ=WEEKLY', azar)).toBeNull();
  });
});

describe('generateRecurringTasks', () => {
  it('creates this month\'s tasks per licensed center for the role holder; a second run creates nothing', async () => {
    const center = await createCenter(ctx.db);
    const finance = await createTrustee(ctx.db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const suspended = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });

    const first = await generateRecurringTasks(ctx, system, {});
    const mine = first.created.filter((t) => t.centerId === center.id);
    expect(mine.map((t) => t.title).sort()).toEqual(['تراز مالی ماهانه', 'گزارش ماهانه به کمیته امداد'].sort());
    const balance = mine.find((t) => t.assigneeRole === 'ADMIN_FINANCE')!;
    expect(balance).toMatchObject({ periodKey: '1405-09', assigneeMembershipId: finance.id });
    // No vice-chair appointed: the task still goes to the role.
    expect(mine.find((t) => t.assigneeRole === 'VICE_CHAIR')!.assigneeMembershipId).toBeNull();
    expect(first.created.some((t) => t.centerId === suspended.id)).toBe(false);
    expect((await auditRows(ctx.db, 'TrusteeTask', balance.id)).map((r) => r.action)).toEqual(['task.generate']);

    const second = await generateRecurringTasks(ctx, system, {});
    expect(second.created).toEqual([]);
    const later = workCtx(ctx.db, new Date('2026-12-10T08:00:00Z')); // 19 Azar: same month
    expect((await generateRecurringTasks(later, system, {})).created).toEqual([]);
    expect(await ctx.db.trusteeTask.count({ where: { centerId: center.id } })).toBe(2);

    const nextMonth = workCtx(ctx.db, new Date('2026-12-26T08:00:00Z')); // 5 Dey 1405
    const third = await generateRecurringTasks(nextMonth, system, {});
    expect(third.created.filter((t) => t.centerId === center.id).map((t) => t.periodKey)).toEqual(['1405-10', '1405-10']);
  });

  it('a generated task follows the role: a successor can complete it once the named holder has ended', async () => {
    const center = await createCenter(ctx.db);
    const first = await createTrustee(ctx.db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const c = workCtx(ctx.db, new Date('2027-02-26T08:00:00Z')); // Esfand 1405
    const task = (await generateRecurringTasks(c, system, {})).created.find((t) => t.centerId === center.id && t.assigneeRole === 'ADMIN_FINANCE')!;
    expect(task.assigneeMembershipId).toBe(first.id);
    await ctx.db.trusteeMembership.update({ where: { id: first.id }, data: { state: 'ENDED', endedAt: new Date() } });
    const successor = await createTrustee(ctx.db, { centerId: center.id, role: 'ADMIN_FINANCE' });
    const actor = { kind: 'trustee' as const, personId: successor.personId, membershipId: successor.id, centerId: center.id, role: 'ADMIN_FINANCE' as const };
    expect((await completeTask(c, actor, { taskId: task.id })).state).toBe('DONE');
  });

  it('while the named holder still holds the role, another holder of it cannot complete', async () => {
    const center = await createCenter(ctx.db);
    await createTrustee(ctx.db, { centerId: center.id, role: 'HEALTH' });
    const other = await createTrustee(ctx.db, { centerId: center.id, role: 'HEALTH' });
    const chair = await createTrustee(ctx.db, { centerId: center.id, role: 'CHAIR' });
    const chairActor = { kind: 'trustee' as const, personId: chair.personId, membershipId: chair.id, centerId: center.id, role: 'CHAIR' as const };
    const task = await createTask(ctx, chairActor, { centerId: center.id, title: 'ویزیت', dueAt: '2026-12-01T00:00:00Z', assigneeRole: 'HEALTH', assigneeMembershipId: (await ctx.db.trusteeMembership.findFirstOrThrow({ where: { centerId: center.id, role: 'HEALTH', id: { not: other.id } } })).id });
    const otherActor = { kind: 'trustee' as const, personId: other.personId, membershipId: other.id, centerId: center.id, role: 'HEALTH' as const };
    await expect(completeTask(ctx, otherActor, { taskId: task.id })).rejects.toMatchObject({ code: 'NOT_TASK_ASSIGNEE' });
  });

  it('two runs at once still create each task once', async () => {
    const c = workCtx(ctx.db, new Date('2027-01-26T08:00:00Z')); // Bahman 1405
    const [a, b] = await Promise.all([generateRecurringTasks(c, system, {}), generateRecurringTasks(c, system, {})]);
    const centers = await ctx.db.center.count({ where: { licenseState: 'LICENSED' } });
    expect(a.created.length + b.created.length).toBe(centers * 2);
    expect(await ctx.db.trusteeTask.count({ where: { periodKey: '1405-11' } })).toBe(centers * 2);
  });

  it('is a system job: staff and trustees cannot run it', async () => {
    const staff = await staffActor(ctx.db, 'PROVINCE_ADMIN');
    await expect(generateRecurringTasks(ctx, staff, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
