/**
 * Two reversals and a distribution racing on one fund never take it below zero: each
 * checks the balance under the fund's lock, so whichever comes second sees the first.
 * Only PostgreSQL runs them really at once; PGlite has a single connection and runs
 * transactions one after another, so there the race cannot happen and is skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../core/context.ts';
import { createDistribution } from '../../../core/funds/create-distribution.ts';
import { fundBalanceRial } from '../../../core/funds/fund-balance.ts';
import { confirmDonation } from '../../../core/giving/confirm-donation.ts';
import { reportDonation } from '../../../core/giving/report-donation.ts';
import { reverseDonation } from '../../../core/giving/reverse-donation.ts';
import { createBeneficiary, createCenter } from '../../../fixtures/factories.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { testDbKind, useTestDatabase } from '../../helpers/db.ts';
import { cashReport, type GivingWorld, openGivingWorld } from '../../helpers/giving.ts';

const ROUNDS = 15;
const onPostgres = testDbKind() === 'postgres';

describe('a fund raced by two reversals and a distribution', () => {
  const database = useTestDatabase();
  let ctx: Ctx;
  let w: GivingWorld;

  beforeAll(async () => ({ ctx, w } = await openGivingWorld(database)));

  it.skipIf(!onPostgres)(
    `never goes below zero, ${ROUNDS} rounds (PostgreSQL only: PGlite is one connection, its transactions never overlap)`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        // A fresh center per round: its fund holds exactly two gifts of 1,000,000 Rial.
        const center = await createCenter(database.db, { countyId: w.county.id });
        const finance = await trusteeActor(database.db, center.id, 'ADMIN_FINANCE');
        const viceChair = await trusteeActor(database.db, center.id, 'VICE_CHAIR');
        const household = await createBeneficiary(database.db, { centerId: center.id });
        const gifts = [];
        for (let i = 0; i < 2; i++) {
          const d = await reportDonation(ctx, w.donor, cashReport(center.id, 100_000));
          gifts.push(await confirmDonation(ctx, finance, { donationId: d.id }));
        }
        expect(await fundBalanceRial(database.db, center.id, 'GENERAL')).toBe(2_000_000n);

        const results = await Promise.allSettled([
          reverseDonation(ctx, w.staff, { donationId: gifts[0]!.id, reason: 'ثبت اشتباه' }),
          createDistribution(ctx, viceChair, {
            centerId: center.id, beneficiaryId: household.id, fund: 'GENERAL', kind: 'CASH', purpose: 'FOOD', amountRial: '1500000',
          }),
          reverseDonation(ctx, w.staff, { donationId: gifts[1]!.id, reason: 'ثبت اشتباه' }),
        ]);

        for (const r of results)
          if (r.status === 'rejected') expect(['FUND_WOULD_GO_NEGATIVE', 'INSUFFICIENT_FUND_BALANCE']).toContain((r.reason as { code?: string }).code);
        const balance = await fundBalanceRial(database.db, center.id, 'GENERAL');
        expect(balance, `round ${round}: ${results.map((r) => r.status).join(', ')}`).toBeGreaterThanOrEqual(0n);
        // Whichever went first, the money is either spent once or returned once per gift.
        const done = results.map((r) => r.status === 'fulfilled');
        const expected = 2_000_000n - (done[0] ? 1_000_000n : 0n) - (done[1] ? 1_500_000n : 0n) - (done[2] ? 1_000_000n : 0n);
        expect(balance).toBe(expected);
        expect(done.some(Boolean), 'the first of them always goes through').toBe(true);
      }
    },
    120_000,
  );
});
