/** A stored Rial amount (BigInt, sent to the browser as a decimal string) read and shown in Rial and Toman. */
import { formatNumber, type Lang } from '../lang.ts';

/** The amount in Rials, or null when empty or not a whole number. */
export function parseRial(stored: unknown): bigint | null {
  if (typeof stored === 'bigint') return stored;
  if (typeof stored === 'number') return Number.isSafeInteger(stored) ? BigInt(stored) : null;
  if (typeof stored !== 'string') return null;
  const s = stored.trim();
  return /^-?\d+$/.test(s) ? BigInt(s) : null;
}

/** Rials as people count them: Toman is a tenth (the books keep Rials, people say Toman). */
export function tomanOf(rial: bigint): bigint {
  return rial / 10n;
}

export function formatRialNumber(rial: bigint, lang: Lang): string {
  return formatNumber(rial, lang);
}

export function formatTomanNumber(rial: bigint, lang: Lang): string {
  return formatNumber(tomanOf(rial), lang);
}
