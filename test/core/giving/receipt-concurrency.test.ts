/** Receipt numbers under concurrency: gap-free and unique per center, one receipt per donation. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { cashReport, type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

describe('receipt numbers', () => {
  it('50 parallel confirmations in one center give receipts exactly 1..50', async () => {
    const reported = [];
    for (let i = 0; i < 50; i++) reported.push(await reportDonation(ctx, w.donor, cashReport(w.center.id, 100_000 + i)));
    const confirmed = await Promise.all(
      reported.map((d, i) => confirmDonation(ctx, i % 2 ? w.finance : w.staff, { donationId: d.id })),
    );
    const numbers = confirmed.map((c) => c.receiptNo!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await database.db.receiptCounter.findUniqueOrThrow({ where: { centerId: w.center.id } })).lastNo).toBe(50);
  }, 120_000);

  it('two parallel confirmations of the same donation give one receipt; the other gets INVALID_STATE', async () => {
    const d = await reportDonation(ctx, w.donor, cashReport(w.center.id));
    const results = await Promise.allSettled([
      confirmDonation(ctx, w.finance, { donationId: d.id }),
      confirmDonation(ctx, w.staff, { donationId: d.id }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'INVALID_STATE' });
    expect((await database.db.receiptCounter.findUniqueOrThrow({ where: { centerId: w.center.id } })).lastNo).toBe(51);
    expect(await database.db.auditLog.count({ where: { entityId: d.id, action: 'donation.confirm' } })).toBe(1);
  });
});
