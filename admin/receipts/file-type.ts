/**
 * What a receipt file really is, from its first bytes: the panel shows inline only the
 * formats a browser renders safely (raster images and PDF). A type claimed by the uploader
 * or by the messenger (Telegram's file server says application/octet-stream) is not trusted:
 * an "image" that is really SVG or HTML would run script on the panel's origin.
 */
export interface ReceiptFileType {
  /** The Content-Type sent to the browser. */
  contentType: string;
  /** The file name extension offered to the browser. */
  extension: string;
  /** Shown in the browser (image, PDF); otherwise sent as a download. */
  inline: boolean;
}

/** Bytes needed to recognise every format below. */
export const SNIFF_BYTES = 12;

const DOWNLOAD: ReceiptFileType = { contentType: 'application/octet-stream', extension: 'bin', inline: false };

function startsWith(head: Uint8Array, signature: readonly number[], at = 0): boolean {
  return head.length >= at + signature.length && signature.every((b, i) => head[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

export function sniffReceiptType(head: Uint8Array): ReceiptFileType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg', inline: true };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png', inline: true };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { contentType: 'image/gif', extension: 'gif', inline: true };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { contentType: 'image/webp', extension: 'webp', inline: true };
  if (startsWith(head, ascii('%PDF-'))) return { contentType: 'application/pdf', extension: 'pdf', inline: true };
  return DOWNLOAD;
}
