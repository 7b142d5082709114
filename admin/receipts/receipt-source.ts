/**
 * Where a donation's receipt photo is: Donation.receiptFileId is a file id of the messenger
 * the donor reported through. A playground chat's files are in the PlaygroundFile table (its
 * fake Bot API stored them); a Telegram or Bale file is fetched from that messenger with the
 * configured bot's token (file ids are only valid for the bot that received them).
 */
import type { Platform } from '../../messenger/platform.ts';
import type { Db } from '../../prisma/client.ts';
import { openBotApiFile, type FetchLike, type FileFailure, type OpenedFile, type ReceiptBot } from './bot-api-file.ts';
import { sniffReceiptType } from './file-type.ts';

export type { FetchLike, OpenedFile, ReceiptBot } from './bot-api-file.ts';

/** The panel's access to messenger files (AppDeps.receiptFiles). */
export interface ReceiptFilesOptions {
  /** The bots whose files may be fetched (main.ts: config.bot, when it has a token). */
  bots?: readonly ReceiptBot[];
  /** Tests: a fake Bot API. */
  fetch?: FetchLike;
}

export interface ReceiptFileRequest {
  fileId: string;
  /** The platform of the chat account the donation was reported through (null: not known). */
  platform: Platform | null;
}

/** 'unavailable': no bot here can fetch it, or the messenger no longer has it. */
export type ReceiptFileResult = OpenedFile | FileFailure;

export interface ReceiptSource {
  open(request: ReceiptFileRequest): Promise<ReceiptFileResult>;
}

export function createReceiptSource(db: Db, options: ReceiptFilesOptions = {}): ReceiptSource {
  const bots = options.bots ?? [];
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  async function fromPlayground(fileId: string): Promise<OpenedFile | null> {
    const file = await db.playgroundFile.findUnique({ where: { id: fileId }, select: { bytes: true } });
    if (!file) return null;
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    // The stored mimeType is what the browser claimed at upload: the bytes decide.
    return { type: sniffReceiptType(bytes), body: bytes };
  }

  return {
    async open({ fileId, platform }) {
      if (platform === 'PLAYGROUND') return (await fromPlayground(fileId)) ?? 'unavailable';
      // A report without a chat account (it was deleted): a playground file, or the one bot here.
      if (platform === null) {
        const own = await fromPlayground(fileId);
        if (own) return own;
        return bots.length === 1 ? openBotApiFile(bots[0]!, fileId, fetchImpl) : 'unavailable';
      }
      const bot = bots.find((b) => b.platform === platform);
      return bot ? openBotApiFile(bot, fileId, fetchImpl) : 'unavailable';
    },
  };
}
