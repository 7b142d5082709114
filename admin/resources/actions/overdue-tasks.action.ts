/**
 * TrusteeTask → "Overdue tasks": every task of the login's area past its due time (open, or
 * postponed past both its due time and its postponement), oldest first -- core's
 * listOverdueTasks, for a board's center or for staff their county or the province. The
 * dashboard counts them and links here. A GET only reads.
 */
import type { Action, ActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { digits, formatJalaliDate } from '../../../messenger/format.ts';
import { roleMay, type AdminActor } from '../../access.ts';
import type { OverdueTaskRow } from '../../dashboard/overdue-tasks-data.ts';
import { valueLabel } from '../messages.ts';
import { corePage } from './core-page.ts';

const DAY_MS = 86_400_000;

/** A board reads its own center's; staff their county's or the province's (core's report rules). */
export function mayReadOverdue(actor: AdminActor): boolean {
  return actor.kind === 'trustee' ? roleMay(actor, 'report.center') : roleMay(actor, 'report.overview');
}

export async function overdueTaskRows(core: Core, actor: AdminActor, lng: Language, now: Date): Promise<OverdueTaskRow[]> {
  const tasks = await core.work.listOverdueTasks(actor, actor.kind === 'trustee' ? { centerId: actor.centerId } : {});
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    centerName: t.centerName,
    role: t.assigneeRole ? valueLabel(lng, 'TrusteeTask', 'assigneeRole', t.assigneeRole) : null,
    due: formatJalaliDate(t.dueAt, lng),
    daysLate: digits(Math.max(1, Math.floor((now.getTime() - t.dueAt.getTime()) / DAY_MS)), lng),
    state: valueLabel(lng, 'TrusteeTask', 'state', t.state),
  }));
}

export function overdueTasksAction(core: Core, component: string | undefined): Partial<Action<ActionResponse>> {
  return corePage({
    name: 'overdueTasks',
    icon: 'Clock',
    component,
    may: mayReadOverdue,
    read: async (actor, lng) => {
      const tasks = await overdueTaskRows(core, actor, lng, core.ctx.clock.now());
      return { tasks, countText: digits(tasks.length, lng) };
    },
    // A refused page lists nothing rather than nothing to list.
    empty: { tasks: [] },
  });
}
