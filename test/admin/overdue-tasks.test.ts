/**
 * TrusteeTask → Overdue tasks, over the panel's HTTP routes: every login reads the tasks past
 * due in its own area only (a board its center, county staff their county, the province all),
 * oldest first, in Persian (role, Jalali day, days late); tasks done, not yet due or postponed
 * into the future are not listed; the dashboard links to the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OverdueTaskRow } from '../../admin/dashboard/overdue-tasks-data.ts';
import { api, type Place, PLACES, REACH, type RoleKey, ROLES, usePanelWorld } from '../helpers/admin-world.ts';

const DAY = 86_400_000;
/** Per place: an overdue task, and three that are not (done, due later, postponed to later). */
const overdue = {} as Record<Place, string>;
const notOverdue: string[] = [];

const panel = usePanelWorld();
beforeAll(async () => {
  const db = panel.database.db;
  const now = Date.now();
  // The world's own tasks are due on a fixed day; these are placed around today.
  await db.trusteeTask.deleteMany({});
  for (const place of PLACES) {
    const centerId = panel.world.centers[place].id;
    const task = (data: Record<string, unknown>) =>
      db.trusteeTask.create({ data: { centerId, title: `گزارش ماهانهٔ ${place}`, assigneeRole: 'VICE_CHAIR', dueAt: new Date(now - 3 * DAY), ...data } });
    overdue[place] = (await task({})).id;
    notOverdue.push((await task({ state: 'DONE', completedAt: new Date(now - DAY) })).id);
    notOverdue.push((await task({ dueAt: new Date(now + 2 * DAY) })).id);
    notOverdue.push((await task({ state: 'SNOOZED', snoozedUntil: new Date(now + DAY) })).id);
  }
});

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const URL = 'TrusteeTask/actions/overdueTasks';

describe('overdue tasks', () => {
  it.each(ROLES)("%s reads exactly its area's overdue tasks", async (role) => {
    const res = await as(role).get(URL);
    expect(res.body.notice, JSON.stringify(res.body.notice)).toBeUndefined();
    const rows = (res.body.data?.tasks ?? []) as OverdueTaskRow[];
    expect(rows.map((r) => r.id).sort()).toEqual(REACH[role].map((p) => overdue[p]).sort());
    for (const id of notOverdue) expect(rows.map((r) => r.id)).not.toContain(id);
  });

  it('reads in Persian: the role by its name, the Jalali day and the days late in Persian digits', async () => {
    const rows = (await as('CHAIR').get(URL)).body.data?.tasks as OverdueTaskRow[];
    expect(rows).toEqual([
      {
        id: overdue.home,
        title: 'گزارش ماهانهٔ home',
        centerName: panel.world.centers.home.name,
        role: 'نائب رئیس',
        due: expect.stringMatching(/^[۰-۹]+ [\u0600-\u06FF]+ [۰-۹]{4}$/),
        daysLate: '۳',
        state: 'باز',
      },
    ]);
  });

  it('the dashboard counts them and links to the page', async () => {
    const res = await panel.app.inject({ method: 'GET', url: '/admin/api/dashboard', headers: { cookie: panel.world.logins.COUNTY_STAFF.cookie } });
    const data = res.json() as { overdueTasks: { count: number; href: string } };
    expect(data.overdueTasks).toMatchObject({ count: 2, href: `/admin/resources/${URL}` });
  });
});
