-- A task can follow up the decisions of a board meeting (recordMinutes creates it).
ALTER TABLE "TrusteeTask" ADD COLUMN     "minutesId" TEXT;

CREATE INDEX "TrusteeTask_minutesId_idx" ON "TrusteeTask"("minutesId");

ALTER TABLE "TrusteeTask" ADD CONSTRAINT "TrusteeTask_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE SET NULL ON UPDATE CASCADE;
