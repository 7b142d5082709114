/**
 * Overdue tasks: OPEN past their due time, or SNOOZED past both due time and snooze. For a
 * center (its trustees and the staff covering it), or without a center for
 * staff: every center of their county (county staff) or province.
 */
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { id, parseInput } from '../input/schemas.ts';
import { authorize } from '../policy.ts';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import { taskView, type TaskView } from './task-scope.ts';

export const listOverdueTasksInput = z.object({ centerId: id.optional() }).default({});
export type ListOverdueTasksInput = z.input<typeof listOverdueTasksInput>;

/** An overdue task with the name of its center (a county's or province's list spans many). */
export type OverdueTask = TaskView & { centerName: string };

export async function listOverdueTasks(ctx: Ctx, actor: Actor, raw?: ListOverdueTasksInput): Promise<OverdueTask[]> {
  const input = parseInput(listOverdueTasksInput, raw ?? {});
  let where: Prisma.TrusteeTaskWhereInput;
  if (input.centerId) {
    const center = await ctx.db.center.findUnique({ where: { id: input.centerId }, select: { id: true, countyId: true } });
    if (!center) throw new DomainError('NOT_FOUND');
    authorize(actor, 'report.center', { centerId: center.id, countyId: center.countyId });
    where = { centerId: center.id };
  } else {
    if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
    if (actor.countyId) {
      authorize(actor, 'report.overview', { countyId: actor.countyId });
      where = { center: { countyId: actor.countyId } };
    } else {
      authorize(actor, 'report.overview', {});
      if (!actor.provinceId) throw new DomainError('FORBIDDEN');
      where = { center: { county: { provinceId: actor.provinceId } } };
    }
  }
  const now = ctx.clock.now();
  const rows = await ctx.db.trusteeTask.findMany({
    where: { ...where, OR: [{ state: 'OPEN', dueAt: { lt: now } }, { state: 'SNOOZED', dueAt: { lt: now }, snoozedUntil: { lt: now } }] },
    orderBy: { dueAt: 'asc' },
    include: { center: { select: { name: true } } },
  });
  return rows.map((row) => ({ ...taskView(row), centerName: row.center.name }));
}
