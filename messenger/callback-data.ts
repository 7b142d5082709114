/**
 * Button payloads as `prefix:value1:value2`, typed on both ends. Telegram
 * limits callback_data to 64 bytes, so values are ids and short codes only.
 *
 *   const pickCenter = callbackData('ctr', ['id']);
 *   InlineKeyboard.text(label, pickCenter.encode({ id }));
 *   composer.callbackQuery(pickCenter.pattern, (ctx) => pickCenter.decode(ctx.callbackQuery.data)?.id);
 */
export const CALLBACK_DATA_MAX_BYTES = 64;

export interface CallbackCodec<K extends string> {
  prefix: string;
  /** Matches this prefix's payloads, for `callbackQuery(codec.pattern, …)`. */
  pattern: RegExp;
  encode(values: Record<K, string | number | bigint>): string;
  /** null when the data is not this codec's or has the wrong number of parts. */
  decode(data: string | undefined): Record<K, string> | null;
}

/** Every prefix a codec was made for, and every fixed payload (menu entries): what the bot knows how to handle. */
const knownPrefixes = new Set<string>();
const knownPayloads = new Set<string>();

/** Fixed payloads (`menu:help`, `donor:pledge` …), registered so that `isKnownButton` tells them from junk. */
export function fixedButtons<const T extends Record<string, string>>(payloads: T): T {
  for (const data of Object.values(payloads)) knownPayloads.add(data);
  return payloads;
}

/** A payload some handler of ours was made for (a codec's prefix or a fixed payload); false for anything else. */
export function isKnownButton(data: string): boolean {
  return knownPayloads.has(data) || knownPrefixes.has(data.split(':', 1)[0]!);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function callbackData<const K extends string>(prefix: string, fields: readonly K[] = []): CallbackCodec<K> {
  if (!/^[a-z][a-z0-9_-]*$/i.test(prefix)) throw new Error(`bad callback prefix: ${prefix}`);
  knownPrefixes.add(prefix);
  return {
    prefix,
    pattern: new RegExp(`^${escapeRegExp(prefix)}(:|$)`),
    encode(values) {
      const parts = fields.map((f) => {
        const v = String(values[f]);
        if (v.includes(':')) throw new Error(`callback value for ${f} contains ':'`);
        return v;
      });
      const data = [prefix, ...parts].join(':');
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data over 64 bytes: ${prefix}`);
      return data;
    },
    decode(data) {
      if (data === undefined) return null;
      const [head, ...parts] = data.split(':');
      if (head !== prefix || parts.length !== fields.length) return null;
      return Object.fromEntries(fields.map((f, i) => [f, parts[i]!])) as Record<K, string>;
    },
  };
}
