/**
 * A trustee's digest for one board role, shown by /digest: today's Jalali date,
 * the open tasks (overdue ones counted), and how many decisions wait. Built
 * from core and a translator, so it needs no update to answer.
 */
import type { TrusteeActor } from '../../core/actor.ts';
import type { Core } from '../../core/index.ts';
import { digits, formatJalaliDate } from '../../messenger/format.ts';
import type { Language, TFunction } from '../../messenger/i18n.ts';
import type { TrusteeRole } from '../../prisma/generated/client/client.ts';
import { roleName } from '../keyboards/trustee.ts';

export interface DigestDeps {
  /** Core (bound to a transaction or not). Its clock says what "today" and "overdue" are. */
  core: Core;
  t: TFunction;
  language: Language;
}

/** One appointed membership, as core.trustees.listMyMemberships returns it. */
export interface DigestMembership {
  membershipId: string;
  personId: string;
  centerId: string;
  centerName: string;
  role: TrusteeRole;
  actsForChair?: boolean;
}

export interface TrusteeDigest {
  text: string;
  /** Nothing open and nothing to decide. */
  empty: boolean;
}

const TASKS_SHOWN = 5;

export async function buildTrusteeDigest(deps: DigestDeps, membership: DigestMembership): Promise<TrusteeDigest> {
  const { core, t, language: lng } = deps;
  const actor: TrusteeActor = {
    kind: 'trustee',
    personId: membership.personId,
    membershipId: membership.membershipId,
    centerId: membership.centerId,
    role: membership.role,
    ...(membership.actsForChair ? { actsForChair: true } : {}),
  };
  const [tasks, decisions] = await Promise.all([core.work.listMyTasks(actor, {}), core.approvals.listPendingDecisions(actor, {})]);
  const lines = [t('trustee:digest.title', { date: formatJalaliDate(core.ctx.clock.now(), lng), role: roleName(t, membership.role), center: membership.centerName })];
  if (tasks.length === 0 && decisions.length === 0) {
    lines.push(t('trustee:digest.nothing'));
    return { text: lines.join('\n\n'), empty: true };
  }
  if (tasks.length > 0) {
    const overdue = tasks.filter((task) => task.overdue).length;
    const taskLines = [t('trustee:digest.tasks', { count: digits(tasks.length, lng), overdue: digits(overdue, lng) })];
    for (const task of tasks.slice(0, TASKS_SHOWN)) {
      const line = t('trustee:digest.taskLine', { title: task.title, due: formatJalaliDate(task.dueAt, lng) });
      taskLines.push(task.overdue ? line + t('trustee:tasks.overdue') : line);
    }
    if (tasks.length > TASKS_SHOWN) taskLines.push(t('trustee:digest.more', { count: digits(tasks.length - TASKS_SHOWN, lng) }));
    lines.push(taskLines.join('\n'));
  }
  if (decisions.length > 0) lines.push(t('trustee:digest.approvals', { count: digits(decisions.length, lng) }));
  return { text: lines.join('\n\n'), empty: false };
}
