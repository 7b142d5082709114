-- Issue 6: reminders, the outbox sender and broadcasts.
--   ChatAccount.mutedReminders: per-user opt-out of reminder kinds.
--   OutboxMessage.sentAt index: the sender's shared one-second rate window.
--   Broadcast + OutboxMessage.broadcastId: staff broadcasts and their progress.
-- CreateEnum
CREATE TYPE "BroadcastAudience" AS ENUM ('CENTER_DONORS', 'NETWORK_VOLUNTEERS');

-- AlterTable
ALTER TABLE "ChatAccount" ADD COLUMN     "mutedReminders" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "broadcastId" TEXT;

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "audience" "BroadcastAudience" NOT NULL,
    "centerId" TEXT NOT NULL,
    "networkId" TEXT,
    "text" TEXT NOT NULL,
    "recipientCount" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3),
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Broadcast_idempotencyKey_key" ON "Broadcast"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Broadcast_centerId_createdAt_idx" ON "Broadcast"("centerId", "createdAt");

-- CreateIndex
CREATE INDEX "Broadcast_networkId_idx" ON "Broadcast"("networkId");

-- CreateIndex
CREATE INDEX "Broadcast_createdById_idx" ON "Broadcast"("createdById");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_idx" ON "OutboxMessage"("sentAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_broadcastId_status_idx" ON "OutboxMessage"("broadcastId", "status");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written invariants (see platform.prisma).
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_network_matches_audience"
  CHECK (("audience" = 'NETWORK_VOLUNTEERS') = ("networkId" IS NOT NULL));
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_recipientCount_nonnegative" CHECK ("recipientCount" >= 0);
