/** The bot's part of the configuration (bot/settings.ts through config.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { expectRefusedNaming, issuesOf } from '../helpers/config.ts';
import { chatPayments, invoiceProviderToken } from '../../messenger/platform.ts';

const TOKEN = '123456789:AAE-abc_def';

describe('bot config', () => {
  it('has no bot without BOT_TOKEN; Bale polling by default', () => {
    const c = loadConfig({});
    expect(c.bot.token).toBeNull();
    expect(c.bot.platform.platform).toBe('BALE');
    expect(c.bot.platform.apiRoot).toBe('https://tapi.bale.ai');
    expect(c.bot.mode).toBe('polling');
    expect(c.bot.webhookPath).toBe('/bot/webhook');
  });

  it('Telegram is chosen by BOT_PLATFORM=telegram', () => {
    expect(loadConfig({ BOT_PLATFORM: 'telegram' }).bot.platform).toMatchObject({ platform: 'TELEGRAM', apiRoot: 'https://api.telegram.org' });
  });

  it('Bale uses https://tapi.bale.ai and its capability flags', () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c.bot.token).toBe(TOKEN);
    expect(c.bot.platform).toEqual({
      platform: 'BALE',
      apiRoot: 'https://tapi.bale.ai',
      caps: {
        parseMode: false,
        chatAction: false,
        webhookSecret: false,
        copyText: false,
        keyboardExtras: false,
        // Bale takes a center's card as the invoice's provider token and counts Rials.
        payments: { provider: 'CARD', unitsPerRial: 1n, inquiry: true },
      },
    });
  });

  it('Telegram takes payments in the chat only with a provider token; Bale ignores one', () => {
    const telegram = { BOT_TOKEN: TOKEN, BOT_PLATFORM: 'telegram' };
    expect(chatPayments(loadConfig(telegram).bot.platform)).toBeNull();
    const withToken = loadConfig({ ...telegram, TELEGRAM_PAYMENT_PROVIDER_TOKEN: 'PROVIDER:TOKEN' }).bot.platform;
    expect(chatPayments(withToken)).toEqual({ provider: 'PROVIDER_TOKEN', unitsPerRial: 100n, inquiry: false });
    expect(invoiceProviderToken(withToken, '5041720000000000')).toBe('PROVIDER:TOKEN');
    const bale = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_PAYMENT_PROVIDER_TOKEN: 'PROVIDER:TOKEN' }).bot.platform;
    expect(bale.paymentProviderToken).toBeUndefined();
    expect(invoiceProviderToken(bale, '5041720000000000')).toBe('5041720000000000');
  });

  it('BOT_API_ROOT overrides the address (trailing slash dropped)', () => {
    expect(loadConfig({ BOT_API_ROOT: 'http://127.0.0.1:8081/' }).bot.platform.apiRoot).toBe('http://127.0.0.1:8081');
  });

  it('webhook mode on Telegram needs a secret; Bale does not (it sends none)', () => {
    const telegram = { BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', BOT_PLATFORM: 'telegram' };
    expect(issuesOf(telegram)).toEqual(['BOT_WEBHOOK_SECRET: is required for a Telegram webhook']);
    const s = 'x'.repeat(32);
    expect(loadConfig({ ...telegram, BOT_WEBHOOK_SECRET: s }).bot.webhookSecret).toBe(s);
    expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' }).bot.mode).toBe('webhook');
  });

  it('bounds the concurrency by the database pool (each update in flight holds a connection)', () => {
    const pg = { DATABASE_URL: 'postgresql://u@h:5432/d', DATABASE_POOL_SIZE: '12' };
    expect(loadConfig(pg).bot.concurrency).toBe(10);
    expect(loadConfig({ ...pg, BOT_CONCURRENCY: '6' }).bot.concurrency).toBe(6);
    expect(issuesOf({ ...pg, BOT_CONCURRENCY: '11' })[0]).toMatch(/^BOT_CONCURRENCY: must be at most DATABASE_POOL_SIZE - 2 \(10\)/);
    expect(loadConfig({}).bot.concurrency).toBe(4);
  });

  it.each([
    [{ BOT_TOKEN: 'not-a-token' }, 'BOT_TOKEN'],
    [{ BOT_PLATFORM: 'whatsapp' }, 'BOT_PLATFORM'],
    [{ BOT_API_ROOT: 'ftp://x' }, 'BOT_API_ROOT'],
    [{ BOT_MODE: 'push' }, 'BOT_MODE'],
    [{ BOT_WEBHOOK_PATH: 'no-slash' }, 'BOT_WEBHOOK_PATH'],
    [{ BOT_WEBHOOK_SECRET: 'short' }, 'BOT_WEBHOOK_SECRET'],
    [{ BOT_WEBHOOK_SECRET: 'has spaces in it, sixteen+' }, 'BOT_WEBHOOK_SECRET'],
    [{ BOT_WEBHOOK_URL: 'http://example.ir/bot/webhook' }, 'BOT_WEBHOOK_URL'],
    [{ BOT_CONCURRENCY: '0' }, 'BOT_CONCURRENCY'],
  ])('rejects %o naming %s', expectRefusedNaming);
});
