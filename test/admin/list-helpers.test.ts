/**
 * Helpers for the panel's lists: filter values normalised (Persian digits, Arabic ي/ك),
 * and the estimated row count used for unfiltered lists of large tables.
 */
import type { ActionRequest } from 'adminjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESTIMATE_ABOVE_ROWS, estimateCount } from '../../admin/resources/estimated-count.ts';
import { normalizeFilterRequest } from '../../admin/resources/hooks/normalize-filters.ts';
import type { Database } from '../../prisma/client.ts';
import { createTestDatabase } from '../helpers/db.ts';

describe('normalizeFilters', () => {
  it('normalises filter values and the search query, leaving other parameters alone', () => {
    const request: ActionRequest = {
      method: 'get',
      params: { resourceId: 'Donor', action: 'search', query: ' علي  ۱۲۳ ' },
      query: { 'filters.name': 'كريم', 'filters.mobile': '۰۹۱۲۱۲۳۴۵۶۷', 'filters.at.from': '۱۴۰۳', page: '2', sortBy: 'name' },
    };
    const out = normalizeFilterRequest(request);
    expect(out.params.query).toBe('علی 123');
    expect(out.query).toEqual({ 'filters.name': 'کریم', 'filters.mobile': '09121234567', 'filters.at.from': '1403', page: '2', sortBy: 'name' });
    expect(request.query?.['filters.name']).toBe('كريم'); // the original request is not changed
  });
});

describe('estimateCount', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('returns null for a small or never analysed table, so the list counts exactly', async () => {
    expect(await estimateCount(database.db, 'Donation')).toBeNull();
    await database.db.$executeRawUnsafe('ANALYZE "Donation"');
    expect(await estimateCount(database.db, 'Donation')).toBeNull();
  });

  it("reads PostgreSQL's row estimate of the model's table once it is large", async () => {
    // What ANALYZE would record for a large table (the test role is a superuser).
    await database.db.$executeRawUnsafe(`UPDATE pg_class SET reltuples = 1000000 WHERE relname = 'Donation'`);
    expect(await estimateCount(database.db, 'Donation')).toBe(1_000_000);
    expect(ESTIMATE_ABOVE_ROWS).toBeLessThan(1_000_000);
    await expect(estimateCount(database.db, 'NoSuchModel')).rejects.toThrow(/NoSuchModel/);
  });
});
