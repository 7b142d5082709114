-- The browser playground: its own platform value (its chats never reach a real messenger)
-- and the files its users upload (receipt photos shown in the panel's proof view).
ALTER TYPE "Platform" ADD VALUE 'PLAYGROUND';

CREATE TABLE "PlaygroundFile" (
    "id" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaygroundFile_pkey" PRIMARY KEY ("id")
);
