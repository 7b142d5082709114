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
  /** Payments in the chat (sendInvoice, pre_checkout_query, successful_payment); null: none. */
  payments: PaymentCaps | null;
}

/** How a messenger takes payments in the chat. */
export interface PaymentCaps {
  /**
   * What an invoice's provider_token is: Bale takes the bank card the money goes to (a
   * center's Sandogh card); Telegram a payment provider's token from BotFather, set by
   * configuration (payments are off there without one).
   */
  provider: 'CARD' | 'PROVIDER_TOKEN';
  /** The invoice currency's smallest units per Rial: Bale counts Rials; Telegram's IRR has two decimals. */
  unitsPerRial: bigint;
  /** The messenger confirms a transaction on request (Bale's inquireTransaction). */
  inquiry: boolean;
}

export interface PlatformConfig {
  platform: Platform;
  /** Bot API root without a trailing slash; grammY calls `${apiRoot}/bot${token}/${method}`. */
  apiRoot: string;
  caps: PlatformCaps;
  /** Telegram's payment provider token (BotFather → Payments); without it Telegram takes no payments. */
  paymentProviderToken?: string | null;
}

/** The invoice currency: Iranian Rials on every messenger. */
export const INVOICE_CURRENCY = 'IRR';

export const DEFAULT_API_ROOT: Record<Platform, string> = {
  TELEGRAM: 'https://api.telegram.org',
  BALE: 'https://tapi.bale.ai',
  // Never reached over the network: the playground's fetch answers in-process.
  PLAYGROUND: 'http://playground.invalid',
};

const CAPS: Record<Platform, PlatformCaps> = {
  TELEGRAM: {
    parseMode: true,
    chatAction: true,
    webhookSecret: true,
    copyText: true,
    keyboardExtras: true,
    payments: { provider: 'PROVIDER_TOKEN', unitsPerRial: 100n, inquiry: false },
  },
  BALE: {
    parseMode: false,
    chatAction: false,
    webhookSecret: false,
    copyText: false,
    keyboardExtras: false,
    payments: { provider: 'CARD', unitsPerRial: 1n, inquiry: true },
  },
  // The page renders what Telegram renders, minus the formatting the bot never uses; it
  // plays Bale's payment sheet (a card as provider, an inquiry that answers).
  PLAYGROUND: {
    parseMode: false,
    chatAction: false,
    webhookSecret: false,
    copyText: true,
    keyboardExtras: true,
    payments: { provider: 'CARD', unitsPerRial: 1n, inquiry: true },
  },
};

export function platformConfig(platform: Platform, apiRoot?: string, options: { paymentProviderToken?: string | null } = {}): PlatformConfig {
  return {
    platform,
    apiRoot: (apiRoot ?? DEFAULT_API_ROOT[platform]).replace(/\/+$/, ''),
    caps: { ...CAPS[platform] },
    ...(options.paymentProviderToken ? { paymentProviderToken: options.paymentProviderToken } : {}),
  };
}

/** The messenger's payments as this process may use them, or null (none, or Telegram without a provider token). */
export function chatPayments(config: PlatformConfig): PaymentCaps | null {
  const p = config.caps.payments;
  if (!p) return null;
  return p.provider === 'PROVIDER_TOKEN' && !config.paymentProviderToken ? null : p;
}

/** An invoice's provider_token: the center's card on Bale, the configured provider's token on Telegram. */
export function invoiceProviderToken(config: PlatformConfig, cardNumber: string): string {
  return chatPayments(config)?.provider === 'PROVIDER_TOKEN' ? config.paymentProviderToken! : cardNumber;
}
