-- The panel's donation list filtered by state or by fund, newest paid first
-- (every filter and sort it offers has an index; see prisma/schema/giving.prisma).
CREATE INDEX "Donation_state_paidAt_idx" ON "Donation"("state", "paidAt");
CREATE INDEX "Donation_fund_paidAt_idx" ON "Donation"("fund", "paidAt");
