-- Each vetting office's answer on a trustee candidacy becomes a row recorded by the staff member
-- who received it (who, when, outcome, note), instead of two timestamps stamped at appointment.

-- CreateEnum
CREATE TYPE "VettingOffice" AS ENUM ('SELECTION', 'SECURITY');

-- CreateEnum
CREATE TYPE "ClearanceOutcome" AS ENUM ('CLEARED', 'REFUSED');

-- CreateTable
CREATE TABLE "TrusteeClearance" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "office" "VettingOffice" NOT NULL,
    "outcome" "ClearanceOutcome" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrusteeClearance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrusteeClearance_recordedById_idx" ON "TrusteeClearance"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "TrusteeClearance_membershipId_office_key" ON "TrusteeClearance"("membershipId", "office");

-- AddForeignKey
ALTER TABLE "TrusteeClearance" ADD CONSTRAINT "TrusteeClearance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "TrusteeMembership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrusteeClearance" ADD CONSTRAINT "TrusteeClearance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: a refused clearance says why.
ALTER TABLE "TrusteeClearance" ADD CONSTRAINT "TrusteeClearance_refusal_has_note"
  CHECK ("outcome" <> 'REFUSED' OR ("note" IS NOT NULL AND "note" <> ''));

-- The stamps become clearances, recorded by whoever made the appointment that stamped them
-- (the approving staff member, else the appointer): nothing already known is lost.
INSERT INTO "TrusteeClearance" ("id", "membershipId", "office", "outcome", "decidedOn", "recordedById", "recordedAt")
SELECT gen_random_uuid()::text, m."id", 'SELECTION', 'CLEARED', (m."selectionClearedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tehran')::date,
       COALESCE(m."approvedById", m."appointedById"), m."selectionClearedAt"
FROM "TrusteeMembership" m WHERE m."selectionClearedAt" IS NOT NULL;
INSERT INTO "TrusteeClearance" ("id", "membershipId", "office", "outcome", "decidedOn", "recordedById", "recordedAt")
SELECT gen_random_uuid()::text, m."id", 'SECURITY', 'CLEARED', (m."securityClearedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tehran')::date,
       COALESCE(m."approvedById", m."appointedById"), m."securityClearedAt"
FROM "TrusteeMembership" m WHERE m."securityClearedAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "TrusteeMembership" DROP COLUMN "securityClearedAt",
DROP COLUMN "selectionClearedAt",
ADD COLUMN     "conductAcknowledgedAt" TIMESTAMP(3);
