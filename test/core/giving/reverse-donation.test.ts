/**
 * Reversing a confirmed cash gift takes its money back out of the fund: refused when the
 * money was already spent (the fund would go below zero), and only with a reason that says
 * something, which the donor is told. The race of reversals and distributions on one fund
 * is in reverse-donation-race.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { createDistribution } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { reverseDonation } from '../../../core/giving/reverse-donation.ts';
import { createBeneficiary } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { cashReport, type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let ctx: Ctx;
let w: GivingWorld;

beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

/** A confirmed cash gift of `toman` Toman from the world's donor, to `fund`. */
async function confirmedGift(toman: number, fund: 'GENERAL' | 'SADAQA' = 'GENERAL') {
  const d = await reportDonation(ctx, w.donor, cashReport(w.center.id, toman, { fund }));
  return confirmDonation(ctx, w.finance, { donationId: d.id });
}

describe('reverseDonation and the fund', () => {
  it('is refused with FUND_WOULD_GO_NEGATIVE when the money was distributed; nothing is written', async () => {
    const gift = await confirmedGift(1_000_000, 'SADAQA'); // 10,000,000 Rial
    const viceChair = await trusteeActor(database.db, w.center.id, 'VICE_CHAIR');
    const household = await createBeneficiary(database.db, { centerId: w.center.id });
    await createDistribution(ctx, viceChair, {
      centerId: w.center.id, beneficiaryId: household.id, fund: 'SADAQA', kind: 'CASH', purpose: 'FOOD', amountRial: '4000000',
    });
    expect(await fundBalanceRial(database.db, w.center.id, 'SADAQA')).toBe(6_000_000n);
    const rows = await database.db.donation.count();
    const audits = await database.db.auditLog.count({ where: { action: 'donation.reverse' } });
    const messages = await database.db.outboxMessage.count({ where: { template: 'donation.reversed' } });

    await expect(reverseDonation(ctx, w.staff, { donationId: gift.id, reason: 'مبلغ اشتباه ثبت شد' })).rejects.toMatchObject({
      code: 'FUND_WOULD_GO_NEGATIVE',
    });
    expect(await database.db.donation.count()).toBe(rows);
    expect(await database.db.auditLog.count({ where: { action: 'donation.reverse' } })).toBe(audits);
    expect(await database.db.outboxMessage.count({ where: { template: 'donation.reversed' } })).toBe(messages);
    expect(await fundBalanceRial(database.db, w.center.id, 'SADAQA')).toBe(6_000_000n);
  });

  it('goes through when the balance covers it: a new REVERSED row, the fund falls by the gift, the donor is told', async () => {
    const gift = await confirmedGift(300_000); // 3,000,000 Rial
    const before = await fundBalanceRial(database.db, w.center.id, 'GENERAL');
    const reversal = await reverseDonation(ctx, w.staff, { donationId: gift.id, reason: 'واریز دوباره ثبت شده بود' });
    expect(reversal).toMatchObject({ state: 'REVERSED', reversesId: gift.id, reversalReason: 'واریز دوباره ثبت شده بود' });
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ state: 'CONFIRMED' });
    expect(await fundBalanceRial(database.db, w.center.id, 'GENERAL')).toBe(before - 3_000_000n);
    const told = await database.db.outboxMessage.findFirst({ where: { template: 'donation.reversed', dedupeKey: { contains: gift.id } } });
    expect(told?.params).toMatchObject({ reason: 'واریز دوباره ثبت شده بود', receiptNo: gift.receiptNo });
  });

  it('needs a reason with visible text (spaces and joiners alone are refused)', async () => {
    const gift = await confirmedGift(100_000);
    for (const reason of ['', '   '])
      await expect(reverseDonation(ctx, w.staff, { donationId: gift.id, reason }), JSON.stringify(reason)).rejects.toMatchObject({ code: 'REQUIRED' });
    for (const reason of ['\u200c\u200c', '\u200c \u200c'])
      await expect(reverseDonation(ctx, w.staff, { donationId: gift.id, reason }), JSON.stringify(reason)).rejects.toMatchObject({ code: 'TEXT_NOT_VISIBLE' });
    expect(await database.db.donation.count({ where: { reversesId: gift.id } })).toBe(0);
  });
});
