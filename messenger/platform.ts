/**
 * The messengers the bot, the sender and the panel deal with. Bale's Bot API mirrors
 * Telegram's at another address but lacks some features; the flags say what the bot may
 * rely on, so one codebase serves both. The platform is part of every key (users, chats,
 * sessions and update ids collide between messengers), so its names are the database's
 * own enum; PLAYGROUND is the browser playground's in-process Bot API (playground/).
 */
import type { Platform } from '../prisma/generated/client/client.ts';

export type { Platform };

export interface PlatformCaps {
  /** parse_mode (HTML/Markdown) is honoured. The bot sends plain text everywhere anyway. */
  parseMode: boolean;
  /** sendChatAction ("typing…"). */
  chatAction: boolean;
  /** setWebhook's secret_token and the X-Telegram-Bot-Api-Secret-Token header. */
  webhookSecret: boolean;
  /** Inline buttons with copy_text. */
  copyText: boolean;
  /** Reply keyboards with is_persistent / input_field_placeholder. */
  keyboardExtras: boolean;
}

export interface PlatformConfig {
  platform: Platform;
  /** Bot API root without a trailing slash; grammY calls `${apiRoot}/bot${token}/${method}`. */
  apiRoot: string;
  caps: PlatformCaps;
}

export const DEFAULT_API_ROOT: Record<Platform, string> = {
  TELEGRAM: 'https://api.telegram.org',
  BALE: 'https://tapi.bale.ai',
  // Never reached over the network: the playground's fetch answers in-process.
  PLAYGROUND: 'http://playground.invalid',
};

const CAPS: Record<Platform, PlatformCaps> = {
  TELEGRAM: { parseMode: true, chatAction: true, webhookSecret: true, copyText: true, keyboardExtras: true },
  BALE: { parseMode: false, chatAction: false, webhookSecret: false, copyText: false, keyboardExtras: false },
  // The page renders what Telegram renders, minus the formatting the bot never uses.
  PLAYGROUND: { parseMode: false, chatAction: false, webhookSecret: false, copyText: true, keyboardExtras: true },
};

export function platformConfig(platform: Platform, apiRoot?: string): PlatformConfig {
  return { platform, apiRoot: (apiRoot ?? DEFAULT_API_ROOT[platform]).replace(/\/+$/, ''), caps: { ...CAPS[platform] } };
}
