/**
 * The dashboard handler: core's figures for the logged-in admin made
 * JSON-safe (Rials as strings, instants as ISO), with the spreadsheet links
 * that admin may use; a refusal instead of data when the policy says no.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardHandler } from '../../admin/dashboard/index.ts';
import type { DashboardData } from '../../admin/dashboard/dashboard-data.ts';
import { createCore, type Core } from '../../core/index.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';
import { staffActor, trusteeActor } from '../../fixtures/actors.ts';
import { useTestDatabase } from '../helpers/db.ts';

const NOW = new Date('2026-11-26T08:00:00Z'); // 5 Azar 1405
const database = useTestDatabase();
let core: Core;
let center: Center;

function data(result: Awaited<ReturnType<typeof dashboardHandler>>): DashboardData {
  if ('error' in result) throw new Error(`refused: ${result.error}`);
  return result;
}

beforeAll(async () => {
  core = createCore({ db: database.db, clock: { now: () => NOW } });
  const county = await createCounty(database.db);
  center = await createCenter(database.db, { countyId: county.id });
  await createDonation(database.db, { centerId: center.id, state: 'CONFIRMED', fund: 'ZAKAT', amountRial: 12_500_000n, paidAt: NOW });
  await createDonation(database.db, { centerId: center.id, state: 'REPORTED', amountRial: 3_000_000n, paidAt: NOW });
});

describe('the dashboard handler', () => {
  it('sends JSON-safe figures and the overview link to county staff', async () => {
    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    const d = data(await dashboardHandler({ actor: staff }, { core }));
    expect(() => JSON.stringify(d)).not.toThrow();
    expect(d.scope).toMatchObject({ kind: 'county' });
    expect(d.month).toEqual({ year: 1405, month: 9, start: '2026-11-21T20:30:00.000Z' });
    expect(d.confirmedByFund).toEqual([{ fund: 'ZAKAT', rial: '12500000' }]);
    expect(d.confirmedTotalRial).toBe('12500000');
    expect(d.confirmedByCenter).toEqual([
      { name: center.name, rial: '12500000', reportHref: `/admin/reports/center-month.xlsx?centerId=${center.id}&year=1405&month=9` },
    ]);
    expect(d.reportedDonations).toBe(1);
    expect(d.reports).toEqual([{ kind: 'overview', href: '/admin/reports/overview.xlsx' }]);
  });

  it("gives a trustee their center's reports for this month and the last", async () => {
    const chair = await trusteeActor(database.db, center.id, 'CHAIR');
    const d = data(await dashboardHandler({ actor: chair }, { core }));
    expect(d.scope).toEqual({ kind: 'center', name: center.name });
    expect(d.reports.map((r) => [r.kind, r.year, r.month, r.monthStart])).toEqual([
      ['centerMonth', 1405, 9, '2026-11-21T20:30:00.000Z'],
      ['centerMonth', 1405, 8, '2026-10-22T20:30:00.000Z'],
    ]);
  });

  it('refuses without a logged-in admin, and when the policy refuses the actor', async () => {
    expect(await dashboardHandler(undefined, { core })).toEqual({ error: 'FORBIDDEN' });
    const nowhere = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    expect(await dashboardHandler({ actor: { ...nowhere, countyId: null } }, { core })).toEqual({ error: 'FORBIDDEN' });
  });
});
