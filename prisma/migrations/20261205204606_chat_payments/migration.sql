-- CreateEnum
CREATE TYPE "PaymentRequestState" AS ENUM ('OPEN', 'PAID');

-- CreateEnum
CREATE TYPE "PaymentInquiry" AS ENUM ('PAID', 'NOT_PAID', 'UNAVAILABLE', 'NOT_OFFERED');

-- CreateEnum
CREATE TYPE "ChatPaymentOutcome" AS ENUM ('CONFIRMED', 'NOT_VERIFIED', 'ALREADY_PAID', 'AMOUNT_DIFFERS', 'CENTER_NOT_LICENSED');

-- CreateTable
CREATE TABLE "PaymentSetting" (
    "centerId" TEXT NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "sandoghAccountNo" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentSetting_pkey" PRIMARY KEY ("centerId")
);

-- CreateTable
CREATE TABLE "PaymentRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "centerId" TEXT NOT NULL,
    "donorId" TEXT NOT NULL,
    "pledgeId" TEXT,
    "installmentId" TEXT,
    "fund" "Fund" NOT NULL,
    "amountRial" BIGINT NOT NULL,
    "chatAccountId" TEXT NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "sandoghAccountNo" TEXT NOT NULL,
    "state" "PaymentRequestState" NOT NULL DEFAULT 'OPEN',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatPayment" (
    "id" TEXT NOT NULL,
    "paymentRequestId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "chargeId" TEXT NOT NULL,
    "providerChargeId" TEXT NOT NULL,
    "amountRial" BIGINT NOT NULL,
    "inquiry" "PaymentInquiry" NOT NULL,
    "outcome" "ChatPaymentOutcome" NOT NULL,
    "donationId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRequest_reference_key" ON "PaymentRequest"("reference");

-- CreateIndex
CREATE INDEX "PaymentRequest_centerId_idx" ON "PaymentRequest"("centerId");

-- CreateIndex
CREATE INDEX "PaymentRequest_donorId_idx" ON "PaymentRequest"("donorId");

-- CreateIndex
CREATE INDEX "PaymentRequest_pledgeId_idx" ON "PaymentRequest"("pledgeId");

-- CreateIndex
CREATE INDEX "PaymentRequest_installmentId_state_idx" ON "PaymentRequest"("installmentId", "state");

-- CreateIndex
CREATE INDEX "PaymentRequest_chatAccountId_idx" ON "PaymentRequest"("chatAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatPayment_donationId_key" ON "ChatPayment"("donationId");

-- CreateIndex
CREATE INDEX "ChatPayment_paymentRequestId_idx" ON "ChatPayment"("paymentRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatPayment_platform_chargeId_key" ON "ChatPayment"("platform", "chargeId");

-- AddForeignKey
ALTER TABLE "PaymentSetting" ADD CONSTRAINT "PaymentSetting_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_installmentId_fkey" FOREIGN KEY ("installmentId") REFERENCES "PledgeInstallment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_chatAccountId_fkey" FOREIGN KEY ("chatAccountId") REFERENCES "ChatAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatPayment" ADD CONSTRAINT "ChatPayment_paymentRequestId_fkey" FOREIGN KEY ("paymentRequestId") REFERENCES "PaymentRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatPayment" ADD CONSTRAINT "ChatPayment_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (listed at the top of prisma/schema/payments.prisma).
ALTER TABLE "PaymentSetting" ADD CONSTRAINT "PaymentSetting_cardNumber_format"
  CHECK ("cardNumber" ~ '^[0-9]{16}$');
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_amount_positive"
  CHECK ("amountRial" > 0);
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_installment_needs_pledge"
  CHECK ("installmentId" IS NULL OR "pledgeId" IS NOT NULL);
ALTER TABLE "PaymentRequest" ADD CONSTRAINT "PaymentRequest_paid_iff_paidAt"
  CHECK (("state" = 'PAID') = ("paidAt" IS NOT NULL));
ALTER TABLE "ChatPayment" ADD CONSTRAINT "ChatPayment_amount_positive"
  CHECK ("amountRial" > 0);
