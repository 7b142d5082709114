/**
 * An expiring license is visible ahead of time: the dashboard counts licensed centers whose
 * license runs out within the warning window (and links to them), and the centers' list
 * marks and filters them -- through the panel's own HTTP routes and the login's scope.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardHandler } from '../../admin/dashboard/index.ts';
import type { DashboardData } from '../../admin/dashboard/dashboard-data.ts';
import { LICENSE_EXPIRY_WARNING_DAYS } from '../../core/centers/license-expiry.ts';
import { createCore } from '../../core/index.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createCenter } from '../../fixtures/factories.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { api, usePanelWorld } from '../helpers/admin-world.ts';

const fixture: Record<'soon' | 'later' | 'soonSuspended' | 'soonElsewhere', Center> = {} as never;

/** A calendar day `days` from today (UTC), as licenseExpiresOn stores it. */
const dayIn = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * 86_400_000);
};

const panel = usePanelWorld();
beforeAll(async () => {
  const db = panel.database.db;
  fixture.soon = await createCenter(db, { countyId: panel.world.countyA, licenseExpiresOn: dayIn(LICENSE_EXPIRY_WARNING_DAYS - 5) });
  fixture.later = await createCenter(db, { countyId: panel.world.countyA, licenseExpiresOn: dayIn(LICENSE_EXPIRY_WARNING_DAYS + 5) });
  // Suspended: not counted (its license is not running, a reinstatement comes first).
  fixture.soonSuspended = await createCenter(db, { countyId: panel.world.countyA, licenseState: 'SUSPENDED', licenseExpiresOn: dayIn(10) });
  fixture.soonElsewhere = await createCenter(db, { countyId: panel.world.countyB, licenseExpiresOn: dayIn(20) });
});

describe('licenses expiring soon', () => {
  it("the centers' list filters and marks them, inside the login's county", async () => {
    const list = await api(panel.app, panel.world.logins.COUNTY_STAFF).get('Center/actions/list?perPage=500&filters.licenseExpiringSoon=true');
    const ids = list.body.records!.map((r) => r.id);
    expect(ids).toContain(fixture.soon.id);
    expect(ids).not.toContain(fixture.later.id);
    expect(ids).not.toContain(fixture.soonSuspended.id);
    expect(ids).not.toContain(fixture.soonElsewhere.id);
    const all = await api(panel.app, panel.world.logins.COUNTY_STAFF).get('Center/actions/list?perPage=500');
    const marked = Object.fromEntries(all.body.records!.map((r) => [r.id, r.params?.licenseExpiringSoon]));
    expect(marked[fixture.soon.id]).toBe(true);
    expect(marked[fixture.later.id]).toBe(false);
  });

  it('the dashboard counts them per scope and links to the filtered list', async () => {
    const core = createCore({ db: panel.database.db, clock: { now: () => new Date() } });
    const county = (await dashboardHandler({ actor: await staffActor(panel.database.db, 'COUNTY_STAFF', { countyId: panel.world.countyA }) }, { core })) as DashboardData;
    const province = (await dashboardHandler({ actor: await staffActor(panel.database.db, 'PROVINCE_ADMIN') }, { core })) as DashboardData;
    const countyCount = await panel.database.db.center.count({ where: { countyId: panel.world.countyA, licenseState: 'LICENSED', licenseExpiresOn: { lte: dayIn(LICENSE_EXPIRY_WARNING_DAYS) } } });
    expect(county.licensesExpiringSoon).toEqual({ count: countyCount, href: '/admin/resources/Center?filters.licenseExpiringSoon=true' });
    expect(countyCount).toBeGreaterThanOrEqual(1);
    expect(province.licensesExpiringSoon.count).toBe(countyCount + 1 + (await panel.database.db.center.count({ where: { countyId: { notIn: [panel.world.countyA, panel.world.countyB] }, licenseState: 'LICENSED', licenseExpiresOn: { lte: dayIn(LICENSE_EXPIRY_WARNING_DAYS) } } })));
  });
});
