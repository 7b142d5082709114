/**
 * A receipt photo kept by the messenger: the Bot API's getFile names its path, then the
 * file server gives the bytes (`${apiRoot}/file/bot${token}/${file_path}`, the same on
 * Telegram and Bale). The bytes are streamed through, never held whole; the token is in
 * the URLs, so no URL and no fetch error text is ever logged or sent to the browser.
 */
import { Readable } from 'node:stream';
import type { Platform } from '../../messenger/platform.ts';
import { sniffReceiptType, SNIFF_BYTES, type ReceiptFileType } from './file-type.ts';

export interface ReceiptBot {
  platform: Platform;
  token: string;
  /** Bot API root without a trailing slash (config.bot.platform.apiRoot). */
  apiRoot: string;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface OpenedFile {
  type: ReceiptFileType;
  body: Buffer | Readable;
}

/** Why a file could not be had: the messenger does not know it (any more), or did not answer. */
export type FileFailure = 'unavailable' | 'upstream';

/** Bots may download files up to 20 MB; anything larger is not a receipt photo. */
export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

interface GetFileAnswer {
  ok?: boolean;
  result?: { file_path?: unknown; file_size?: unknown };
}

export async function openBotApiFile(bot: ReceiptBot, fileId: string, fetchImpl: FetchLike): Promise<OpenedFile | FileFailure> {
  let answer: GetFileAnswer;
  try {
    const res = await fetchImpl(`${bot.apiRoot}/bot${bot.token}/getFile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file_id: fileId }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The Bot API answers 400 "file not found" (or "wrong file_id") as JSON with ok: false.
    if (res.status >= 500) return 'upstream';
    answer = (await res.json()) as GetFileAnswer;
  } catch {
    return 'upstream';
  }
  const filePath = answer.ok ? answer.result?.file_path : undefined;
  if (typeof filePath !== 'string' || !filePath || filePath.includes('..')) return 'unavailable';
  const size = answer.result?.file_size;
  if (typeof size === 'number' && size > MAX_RECEIPT_BYTES) return 'unavailable';

  let download: Response;
  try {
    download = await fetchImpl(`${bot.apiRoot}/file/bot${bot.token}/${filePath}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return 'upstream';
  }
  if (download.status === 404) return 'unavailable';
  if (!download.ok || !download.body) return 'upstream';
  return streamWithType(download.body);
}

/** Reads just enough of the stream to know its type, then hands on the head and the rest, capped. */
async function streamWithType(body: ReadableStream<Uint8Array>): Promise<OpenedFile | FileFailure> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let headLength = 0;
  try {
    while (headLength < SNIFF_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      head.push(value);
      headLength += value.length;
    }
  } catch {
    return 'upstream';
  }
  const first = Buffer.concat(head);
  const type = sniffReceiptType(first);
  async function* rest(): AsyncGenerator<Uint8Array> {
    let sent = first.length;
    if (first.length) yield first;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      sent += value.length;
      if (sent > MAX_RECEIPT_BYTES) {
        await reader.cancel();
        throw new Error('receipt file larger than the Bot API allows');
      }
      yield value;
    }
  }
  const stream = Readable.from(rest(), { objectMode: false });
  // The browser went away: stop reading from the messenger too.
  stream.on('close', () => void reader.cancel().catch(() => undefined));
  return { type, body: stream };
}
