/**
 * Rebuilds DonationMonthTotal from "Donation" after a bulk load that skipped its trigger
 * (the same backfill as prisma/migrations/20261126130000_donation_month_totals).
 */
export const rebuildDonationSummarySql: string[] = [
  `DELETE FROM "DonationMonthTotal"`,
  `INSERT INTO "DonationMonthTotal" ("centerId", "monthStartsAt", "kind", "fund", "state", "count", "amountRial", "estimatedValueRial")
   SELECT d."centerId", m."startsAt", d."kind", d."fund", d."state", count(*)::int, COALESCE(sum(d."amountRial"), 0), COALESCE(sum(d."estimatedValueRial"), 0)
   FROM "Donation" d
   JOIN "JalaliMonth" m ON d."paidAt" >= m."startsAt" AND d."paidAt" < m."endsAt"
   WHERE d."state" IN ('CONFIRMED', 'REVERSED')
   GROUP BY 1, 2, 3, 4, 5`,
];
