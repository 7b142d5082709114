/**
 * What the report tests read: two centers of one county, each with a confirmed gift in its
 * own fund, so a report shows one center's money and not the other's, and a county's both.
 */
import type { Db } from '../../prisma/client.ts';
import { createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';

/** 12,500,000 Rials to Zakat at `center`, 40,000,000 to the general fund at `otherCenter`, both paid at `paidAt`. */
export async function twoCentersWithGifts(db: Db, paidAt: Date) {
  const county = await createCounty(db);
  const center = await createCenter(db, { countyId: county.id });
  const otherCenter = await createCenter(db, { countyId: county.id });
  await createDonation(db, { centerId: center.id, state: 'CONFIRMED', fund: 'ZAKAT', amountRial: 12_500_000n, paidAt });
  await createDonation(db, { centerId: otherCenter.id, state: 'CONFIRMED', fund: 'GENERAL', amountRial: 40_000_000n, paidAt });
  return { county, center, otherCenter };
}
