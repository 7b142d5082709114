/** listMyTasks: a trustee's own open tasks, by membership or by role, overdue flagged; nobody else's. */
import { describe, expect, it } from 'vitest';
import { listMyTasks } from '../../../core/work/list-my-tasks.ts';
import { createCenter, createTrustee } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { chatActor, FIXED_NOW, useWorkCtx } from '../../helpers/work.ts';

const ctx = useWorkCtx();

const day = 86_400_000;
const inDays = (n: number) => new Date(FIXED_NOW.getTime() + n * day);

describe('listMyTasks', () => {
  it('lists the open and snoozed tasks of the membership and of its role, soonest first, with overdue flags', async () => {
    const center = await createCenter(ctx.db);
    const finance = await trusteeActor(ctx.db, center.id, 'ADMIN_FINANCE');
    const chair = await trusteeActor(ctx.db, center.id, 'CHAIR');
    const task = (data: Record<string, unknown>) =>
      ctx.db.trusteeTask.create({ data: { centerId: center.id, title: 'کار', dueAt: inDays(1), ...data } });
    const named = await task({ title: 'ترازنامه', assigneeMembershipId: finance.membershipId, dueAt: inDays(2) });
    const byRole = await task({ title: 'حساب صندوق', assigneeRole: 'ADMIN_FINANCE', dueAt: inDays(-1) });
    const snoozed = await task({ title: 'رسیدها', assigneeRole: 'ADMIN_FINANCE', dueAt: inDays(-3), state: 'SNOOZED', snoozedUntil: inDays(1) });
    await task({ title: 'انجام‌شده', assigneeMembershipId: finance.membershipId, state: 'DONE', completedAt: inDays(-1) });
    await task({ title: 'رئیس', assigneeMembershipId: chair.membershipId });
    await task({ title: 'نائب', assigneeRole: 'VICE_CHAIR' });

    const mine = await listMyTasks(ctx, finance, {});
    expect(mine.map((t) => t.id)).toEqual([snoozed.id, byRole.id, named.id]);
    expect(mine.map((t) => t.overdue)).toEqual([false, true, false]);
  });

  it("a predecessor's task of the role passes to the new holder; a current holder's named task does not", async () => {
    const center = await createCenter(ctx.db);
    const old = await createTrustee(ctx.db, { centerId: center.id, role: 'DONORS_MEN', state: 'ENDED' });
    const now = await trusteeActor(ctx.db, center.id, 'DONORS_MEN');
    const other = await trusteeActor(ctx.db, center.id, 'DONORS_WOMEN');
    const inherited = await ctx.db.trusteeTask.create({
      data: { centerId: center.id, title: 'جلسه خیرین', dueAt: inDays(1), assigneeRole: 'DONORS_MEN', assigneeMembershipId: old.id },
    });
    await ctx.db.trusteeTask.create({
      data: { centerId: center.id, title: 'جلسه بانوان', dueAt: inDays(1), assigneeRole: 'DONORS_MEN', assigneeMembershipId: other.membershipId },
    });
    expect((await listMyTasks(ctx, now, {})).map((t) => t.id)).toEqual([inherited.id]);
  });

  it('is only for trustees, and only their own center', async () => {
    const center = await createCenter(ctx.db);
    await expect(listMyTasks(ctx, await chatActor(ctx.db), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await trusteeActor(ctx.db, (await createCenter(ctx.db)).id, 'ADMIN_FINANCE');
    await ctx.db.trusteeTask.create({ data: { centerId: center.id, title: 'x', dueAt: inDays(1), assigneeRole: 'ADMIN_FINANCE' } });
    expect(await listMyTasks(ctx, elsewhere, {})).toEqual([]);
  });
});
