-- Sandogh account statements: uploads, their lines (stored once per account, whatever
-- overlaps between uploads), the banks' column layouts, and each credit line's gift.

-- CreateEnum
CREATE TYPE "StatementDirection" AS ENUM ('CREDIT', 'DEBIT');

-- CreateTable
CREATE TABLE "StatementPreset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatementPreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementImport" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "accountNo" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "layoutName" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "addedCount" INTEGER NOT NULL,
    "firstDay" DATE,
    "lastDay" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "accountNo" TEXT NOT NULL,
    "lineKey" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "bookedOn" DATE NOT NULL,
    "direction" "StatementDirection" NOT NULL,
    "amountRial" BIGINT NOT NULL,
    "balanceRial" BIGINT,
    "traceNumber" TEXT,
    "cardLast4" TEXT,
    "description" TEXT,
    "donationId" TEXT,
    "matchedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StatementPreset_name_key" ON "StatementPreset"("name");

-- CreateIndex
CREATE INDEX "StatementImport_centerId_createdAt_idx" ON "StatementImport"("centerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatementLine_donationId_key" ON "StatementLine"("donationId");

-- CreateIndex
CREATE INDEX "StatementLine_centerId_bookedOn_idx" ON "StatementLine"("centerId", "bookedOn");

-- CreateIndex
CREATE INDEX "StatementLine_importId_idx" ON "StatementLine"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "StatementLine_accountNo_lineKey_key" ON "StatementLine"("accountNo", "lineKey");

-- AddForeignKey
ALTER TABLE "StatementImport" ADD CONSTRAINT "StatementImport_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "StatementImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (listed at the top of prisma/schema/statements.prisma).
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_amount_positive" CHECK ("amountRial" > 0);
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_gift_is_credit" CHECK ("donationId" IS NULL OR "direction" = 'CREDIT');
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_matched_dated" CHECK (("donationId" IS NULL) = ("matchedAt" IS NULL));
ALTER TABLE "StatementImport" ADD CONSTRAINT "StatementImport_counts" CHECK ("addedCount" >= 0 AND "addedCount" <= "lineCount");
