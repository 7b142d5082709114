/**
 * The donation list's count from the month totals equals count(*) over the same filter and
 * scope, for every filter it answers, and declines (null) every filter it cannot answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFromMonthTotals } from '../../admin/resources/donation-month-count.ts';
import { jalaliMonthRange } from '../../core/jalali.ts';
import type { Database } from '../../prisma/client.ts';
import type { Prisma } from '../../prisma/generated/client/client.ts';
import { createCenter, createCounty, createDonation } from '../../fixtures/factories.ts';
import { createTestDatabase } from '../helpers/db.ts';

let database: Database;
let countyId: string;
let centers: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const county = await createCounty(database.db);
  countyId = county.id;
  const other = await createCounty(database.db);
  centers = [(await createCenter(database.db, { countyId })).id, (await createCenter(database.db, { countyId })).id, (await createCenter(database.db, { countyId: other.id })).id];
  const days = ['2026-04-05T10:00:00Z', '2026-06-30T19:00:00Z', '2026-07-01T10:00:00Z', '2026-10-22T21:00:00Z'];
  let i = 0;
  for (const centerId of centers)
    for (const paidAt of days)
      for (const state of ['CONFIRMED', 'CONFIRMED', 'REPORTED', 'REJECTED', 'REVERSED'] as const)
        await createDonation(database.db, { centerId, state, paidAt: new Date(paidAt), fund: i++ % 3 ? 'GENERAL' : 'ZAKAT' });
});
afterAll(() => database?.close());

/** The panel's date filter for whole Jalali months: first millisecond to last millisecond. */
function months(fromYm: [number, number], toYm: [number, number]) {
  return { gte: jalaliMonthRange(...fromYm).start, lte: new Date(jalaliMonthRange(...toYm).end.getTime() - 1) };
}

describe('countFromMonthTotals', () => {
  it('equals count(*) for booked states with centers, funds, whole months and scopes', async () => {
    const filters = [
      [{ state: 'CONFIRMED' }],
      [{ state: 'REVERSED' }],
      [{ state: 'CONFIRMED' }, { centerId: centers[1] }],
      [{ state: 'CONFIRMED' }, { fund: 'ZAKAT' }],
      [{ state: 'CONFIRMED' }, { paidAt: months([1405, 4], [1405, 4]) }],
      [{ state: 'CONFIRMED' }, { paidAt: months([1405, 1], [1405, 7]) }, { fund: 'GENERAL' }],
      [{ state: 'CONFIRMED' }, { paidAt: { gte: jalaliMonthRange(1405, 8).start } }],
      [{ state: 'REVERSED' }, { paidAt: { lte: months([1405, 4], [1405, 4]).lte } }],
    ];
    const scopes = [null, { centerId: centers[0] }, { center: { countyId } }];
    for (const scope of scopes)
      for (const parts of filters) {
        const where = { AND: parts };
        const exact = await database.db.donation.count({ where: (scope ? { AND: [scope, where] } : where) as Prisma.DonationWhereInput });
        expect(await countFromMonthTotals(database.db, scope, where), JSON.stringify({ scope, parts })).toBe(exact);
      }
    expect(await countFromMonthTotals(database.db, null, { AND: [{ state: 'CONFIRMED' }] })).toBe(3 * 4 * 2 + 3 * 4);
  });

  it('declines what the totals cannot answer, so the list counts the rows', async () => {
    const declined = [
      [{ state: 'REPORTED' }],
      [{ fund: 'ZAKAT' }],
      [{ state: 'CONFIRMED' }, { donorId: 'x' }],
      [{ state: 'CONFIRMED' }, { paidAt: { gte: new Date('2026-07-01T00:00:00Z'), lte: new Date('2026-07-31T00:00:00Z') } }],
      [{ state: 'CONFIRMED' }, { paidAt: { gte: jalaliMonthRange(1405, 4).start, lte: jalaliMonthRange(1405, 4).end } }],
    ];
    for (const parts of declined) expect(await countFromMonthTotals(database.db, null, { AND: parts }), JSON.stringify(parts)).toBeNull();
    expect(await countFromMonthTotals(database.db, { OR: [{ centerId: 'a' }] }, { AND: [{ state: 'CONFIRMED' }] })).toBeNull();
  });
});
