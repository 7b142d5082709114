/** Trustee tasks: create, complete, snooze, overdue detection with a fake clock. */
import { describe, expect, it } from 'vitest';
import { createTask, type CreateTaskInput } from '../../../core/work/create-task.ts';
import { completeTask } from '../../../core/work/complete-task.ts';
import { snoozeTask } from '../../../core/work/snooze-task.ts';
import { listOverdueTasks } from '../../../core/work/list-overdue-tasks.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, chatActor, FIXED_NOW, outboxFor, useWorkCtx, workCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

const day = 86_400_000;
const inDays = (n: number) => new Date(FIXED_NOW.getTime() + n * day).toISOString();

async function board() {
  const center = await createCenter(ctx.db);
  const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
  const vice = await trusteeActor(ctx.db, center.id, 'VICE_CHAIR');
  const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
  const donorsMen = await trusteeActor(ctx.db, center.id, 'DONORS_MEN');
  return { center, chair, vice, finance, donorsMen };
}

describe('createTask', () => {
  it('the chair assigns a task to a membership: stored, audited, assignee notified', async () => {
    const { center, chair, finance } = await board();
    await chatActor(ctx.db, finance.personId);
    const task = await createTask(ctx, chair, { centerId: center.id, title: 'پیگیری حساب صندوق', dueAt: inDays(3), assigneeMembershipId: finance.membershipId });
    expect(task).toMatchObject({ state: 'OPEN', assigneeMembershipId: finance.membershipId });
    expect((await auditRows(ctx.db, 'TrusteeTask', task.id)).map((r) => r.action)).toEqual(['task.create']);
    expect((await outboxFor(ctx.db, finance.personId)).map((m) => m.template)).toEqual(['task.assigned']);
  });

  it('can assign to a role; needs an assignee; the membership must be of this center', async () => {
    const { center, vice } = await board();
    expect((await createTask(ctx, vice, { centerId: center.id, title: 'جلسه خیرین', dueAt: inDays(1), assigneeRole: 'DONORS_WOMEN' })).assigneeRole).toBe('DONORS_WOMEN');
    await expect(createTask(ctx, vice, { centerId: center.id, title: 'x', dueAt: inDays(1) })).rejects.toMatchObject({ code: 'REQUIRED' });
    await expect(createTask(ctx, vice, { centerId: center.id, title: 'x', dueAt: 'not a date', assigneeRole: 'CHAIR' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    const other = await board();
    await expect(createTask(ctx, vice, { centerId: center.id, title: 'x', dueAt: inDays(1), assigneeMembershipId: other.finance.membershipId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('other officers, other centers\' chairs, other counties\' staff cannot create; suspended center is read-only', async () => {
    const { center, finance } = await board();
    const other = await board();
    const input: CreateTaskInput = { centerId: center.id, title: 'x', dueAt: inDays(1), assigneeRole: 'CHAIR' };
    for (const actor of [finance, other.chair, await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: other.center.countyId })])
      await expect(createTask(ctx, actor, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect((await createTask(ctx, staff, input)).state).toBe('OPEN');
    const suspended = await createCenter(ctx.db, { licenseState: 'SUSPENDED' });
    const sChair = await trusteeActor(ctx.db, suspended.id, 'CHAIR');
    await expect(createTask(ctx, sChair, { ...input, centerId: suspended.id })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });
});

describe('completeTask / snoozeTask', () => {
  it('the assignee completes; completing twice is refused; audited', async () => {
    const { center, chair, finance } = await board();
    const task = await createTask(ctx, chair, { centerId: center.id, title: 'تراز', dueAt: inDays(2), assigneeMembershipId: finance.membershipId });
    const done = await completeTask(ctx, finance, { taskId: task.id });
    expect(done).toMatchObject({ state: 'DONE', completedById: finance.personId, completedAt: FIXED_NOW });
    await expect(completeTask(ctx, finance, { taskId: task.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await auditRows(ctx.db, 'TrusteeTask', task.id)).map((r) => r.action)).toEqual(['task.create', 'task.complete']);
  });

  it('a role-assigned task is completed by the role holder; the vice-chair may complete any task', async () => {
    const { center, chair, vice, donorsMen } = await board();
    const t1 = await createTask(ctx, chair, { centerId: center.id, title: 'a', dueAt: inDays(2), assigneeRole: 'DONORS_MEN' });
    expect((await completeTask(ctx, donorsMen, { taskId: t1.id })).state).toBe('DONE');
    const t2 = await createTask(ctx, chair, { centerId: center.id, title: 'b', dueAt: inDays(2), assigneeRole: 'DONORS_MEN' });
    expect((await completeTask(ctx, vice, { taskId: t2.id })).state).toBe('DONE');
  });

  it('another officer, another center\'s chair or staff cannot complete or snooze it', async () => {
    const { center, chair, finance, donorsMen } = await board();
    const task = await createTask(ctx, chair, { centerId: center.id, title: 'c', dueAt: inDays(2), assigneeMembershipId: finance.membershipId });
    await expect(completeTask(ctx, donorsMen, { taskId: task.id })).rejects.toMatchObject({ code: 'NOT_TASK_ASSIGNEE' });
    await expect(snoozeTask(ctx, donorsMen, { taskId: task.id, until: inDays(5) })).rejects.toMatchObject({ code: 'NOT_TASK_ASSIGNEE' });
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    await expect(completeTask(ctx, staff, { taskId: task.id })).rejects.toMatchObject({ code: 'NOT_TASK_ASSIGNEE' });
    const other = await board();
    await expect(completeTask(ctx, other.chair, { taskId: task.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await ctx.db.trusteeTask.findUniqueOrThrow({ where: { id: task.id } })).state).toBe('OPEN');
  });

  it('a trustee of a suspended center cannot complete (read-only)', async () => {
    const { center, chair, finance } = await board();
    const task = await createTask(ctx, chair, { centerId: center.id, title: 'd', dueAt: inDays(2), assigneeMembershipId: finance.membershipId });
    await ctx.db.center.update({ where: { id: center.id }, data: { licenseState: 'SUSPENDED', suspendedAt: FIXED_NOW } });
    await expect(completeTask(ctx, finance, { taskId: task.id })).rejects.toMatchObject({ code: 'CENTER_READ_ONLY' });
  });

  it('snooze needs a future time and postpones overdue detection', async () => {
    const { center, chair, finance } = await board();
    const task = await createTask(ctx, chair, { centerId: center.id, title: 'e', dueAt: inDays(-2), assigneeMembershipId: finance.membershipId });
    await expect(snoozeTask(ctx, finance, { taskId: task.id, until: inDays(-1) })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    expect((await listOverdueTasks(ctx, chair, { centerId: center.id })).map((t) => t.id)).toEqual([task.id]);
    const snoozed = await snoozeTask(ctx, finance, { taskId: task.id, until: inDays(3) });
    expect(snoozed.state).toBe('SNOOZED');
    expect(await listOverdueTasks(ctx, chair, { centerId: center.id })).toEqual([]);
    const later = workCtx(ctx.db, new Date(FIXED_NOW.getTime() + 4 * day));
    expect((await listOverdueTasks(later, chair, { centerId: center.id })).map((t) => t.id)).toEqual([task.id]);
    expect((await auditRows(ctx.db, 'TrusteeTask', task.id)).map((r) => r.action)).toEqual(['task.create', 'task.snooze']);
  });
});

describe('listOverdueTasks', () => {
  it('lists only OPEN tasks past due (by the clock), per center and per county', async () => {
    const { center, chair, finance } = await board();
    const overdue = await createTask(ctx, chair, { centerId: center.id, title: 'late', dueAt: inDays(-1), assigneeRole: 'VICE_CHAIR' });
    await createTask(ctx, chair, { centerId: center.id, title: 'future', dueAt: inDays(1), assigneeRole: 'VICE_CHAIR' });
    const doneLate = await createTask(ctx, chair, { centerId: center.id, title: 'done', dueAt: inDays(-3), assigneeRole: 'VICE_CHAIR' });
    await completeTask(ctx, chair, { taskId: doneLate.id });
    expect((await listOverdueTasks(ctx, finance, { centerId: center.id })).map((t) => t.id)).toEqual([overdue.id]);
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect((await listOverdueTasks(ctx, staff, {})).map((t) => t.id)).toEqual([overdue.id]);
    // Two days earlier nothing was overdue yet.
    const earlier = workCtx(ctx.db, new Date(FIXED_NOW.getTime() - 2 * day));
    expect(await listOverdueTasks(earlier, finance, { centerId: center.id })).toEqual([]);
  });

  it('other centers\' trustees and other counties\' staff cannot look; a trustee needs a center', async () => {
    const { center, chair } = await board();
    const other = await board();
    await expect(listOverdueTasks(ctx, other.chair, { centerId: center.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const staff = await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: other.center.countyId });
    await expect(listOverdueTasks(ctx, staff, { centerId: center.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listOverdueTasks(ctx, chair, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
