/**
 * What the scale-out load needs in the database: licensed centers in one county, each
 * with an appointed finance officer who logs in to the panel, and two county staff who
 * may confirm in every center of the county (so confirmations of one gift race).
 */
import { createCenter, createCounty } from '../../../fixtures/factories.ts';
import type { Db } from '../../../prisma/client.ts';
import { createPanelUser, type PanelUser } from '../admin.ts';

export interface ScaleOutWorld {
  centers: { id: string; code: string; finance: PanelUser }[];
  countyStaff: PanelUser[];
}

export async function seedScaleOutWorld(db: Db, centerCount: number): Promise<ScaleOutWorld> {
  const county = await createCounty(db);
  const centers: ScaleOutWorld['centers'] = [];
  for (let i = 0; i < centerCount; i++) {
    const center = await createCenter(db, { countyId: county.id });
    const finance = await createPanelUser(db, 'CENTER_TRUSTEE', { centerId: center.id, trusteeRole: 'ADMIN_FINANCE' });
    centers.push({ id: center.id, code: center.activityCode!, finance });
  }
  const countyStaff = [
    await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id }),
    await createPanelUser(db, 'COUNTY_STAFF', { countyId: county.id }),
  ];
  return { centers, countyStaff };
}
