/**
 * Task templates: every database has the regulation's role duties from its migrations
 * (no seeding), and only province staff add, reword, reschedule or switch them off.
 */
import { describe, expect, it } from 'vitest';
import type { SystemActor } from '../../../core/actor.ts';
import { MAIN_TRUSTEE_ROLES } from '../../../core/actor.ts';
import { createTaskTemplate } from '../../../core/work/create-task-template.ts';
import { updateTaskTemplate } from '../../../core/work/update-task-template.ts';
import { generateRecurringTasks } from '../../../core/work/generate-recurring-tasks.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../../fixtures/actors.ts';
import { auditRows, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx(); // 5 Azar 1405
const system: SystemActor = { kind: 'system', job: 'recurring-tasks' };

describe('the role duties every database starts with', () => {
  it('each main role of the board has an active monthly or yearly template the scheduler can read', async () => {
    const templates = await ctx.db.taskTemplate.findMany({ where: { active: true } });
    for (const role of MAIN_TRUSTEE_ROLES) expect(templates.some((t) => t.role === role), role).toBe(true);
    for (const t of templates) expect(t.rrule).toMatch(/^FREQ=(MONTHLY;BYMONTHDAY=\d+|YEARLY;BYMONTH=\d+;BYMONTHDAY=\d+)$/);
  });
});

describe('createTaskTemplate / updateTaskTemplate', () => {
  it('province staff add a yearly duty (Persian digits accepted) and reword, move and switch off another; audited', async () => {
    const center = await createCenter(ctx.db);
    const admin = await staffActor(ctx.db, 'PROVINCE_ADMIN');
    const created = await createTaskTemplate(ctx, admin, { role: 'HEALTH', title: 'گزارش سلامت', frequency: 'YEARLY', month: '۹', day: '۲۰' });
    expect(created).toMatchObject({ role: 'HEALTH', rrule: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=20', active: true });
    expect((await auditRows(ctx.db, 'TaskTemplate', created.id)).map((r) => r.action)).toEqual(['taskTemplate.create']);

    const supervisor = await staffActor(ctx.db, 'PROVINCE_SUPERVISOR');
    const meeting = await ctx.db.taskTemplate.findUniqueOrThrow({ where: { code: 'monthly-board-meeting' } });
    const moved = await updateTaskTemplate(ctx, supervisor, { templateId: meeting.id, title: 'جلسهٔ هیئت امنا', day: 12 });
    expect(moved).toMatchObject({ title: 'جلسهٔ هیئت امنا', rrule: 'FREQ=MONTHLY;BYMONTHDAY=12', description: meeting.description, active: true });
    const off = await updateTaskTemplate(ctx, admin, { templateId: meeting.id, active: false });
    expect(off).toMatchObject({ title: 'جلسهٔ هیئت امنا', rrule: 'FREQ=MONTHLY;BYMONTHDAY=12', active: false });
    const rows = await auditRows(ctx.db, 'TaskTemplate', meeting.id);
    expect(rows.map((r) => r.action)).toEqual(['taskTemplate.update', 'taskTemplate.update']);
    expect(rows[0]!.before).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=10' });

    // The scheduler follows: the switched-off duty is no longer given.
    const generated = (await generateRecurringTasks(ctx, system, {})).created.filter((t) => t.centerId === center.id);
    expect(generated.some((t) => t.templateId === meeting.id)).toBe(false);
    expect(generated.some((t) => t.assigneeRole === 'VICE_CHAIR')).toBe(true);
  });

  it('a yearly duty needs its month; a day past 31 is refused', async () => {
    await createCenter(ctx.db);
    const admin = await staffActor(ctx.db, 'PROVINCE_ADMIN');
    await expect(createTaskTemplate(ctx, admin, { role: 'CHAIR', title: 'x', frequency: 'YEARLY', day: 1 })).rejects.toMatchObject({ code: 'REQUIRED', params: { field: 'month' } });
    await expect(createTaskTemplate(ctx, admin, { role: 'CHAIR', title: 'x', frequency: 'MONTHLY', day: 32 })).rejects.toMatchObject({ code: 'VALIDATION' });
    const monthly = await ctx.db.taskTemplate.findUniqueOrThrow({ where: { code: 'monthly-report-to-imdad' } });
    await expect(updateTaskTemplate(ctx, admin, { templateId: monthly.id, frequency: 'YEARLY' })).rejects.toMatchObject({ code: 'REQUIRED' });
  });

  it('county staff, an auditor and a chair cannot; nothing changes', async () => {
    const center = await createCenter(ctx.db);
    const template = await ctx.db.taskTemplate.findUniqueOrThrow({ where: { code: 'monthly-balance-sheet' } });
    for (const actor of [
      await staffActor(ctx.db, 'COUNTY_STAFF', { countyId: center.countyId }),
      await staffActor(ctx.db, 'AUDITOR'),
      await trusteeActor(ctx.db, center.id, 'CHAIR'),
    ]) {
      await expect(createTaskTemplate(ctx, actor, { role: 'CHAIR', title: 'x', frequency: 'MONTHLY', day: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(updateTaskTemplate(ctx, actor, { templateId: template.id, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await ctx.db.taskTemplate.findUniqueOrThrow({ where: { id: template.id } })).toEqual(template);
  });
});
