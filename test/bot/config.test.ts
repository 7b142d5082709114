/** The bot's part of the configuration (bot/settings.ts through config.ts). */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

const TOKEN = '123456789:AAE-abc_def';

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('bot config', () => {
  it('has no bot without BOT_TOKEN; Telegram polling by default', () => {
    const c = loadConfig({});
    expect(c.bot.token).toBeNull();
    expect(c.bot.platform.platform).toBe('TELEGRAM');
    expect(c.bot.platform.apiRoot).toBe('https://api.telegram.org');
    expect(c.bot.mode).toBe('polling');
    expect(c.bot.webhookPath).toBe('/bot/webhook');
  });

  it('Bale uses https://tapi.bale.ai and its capability flags', () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN, BOT_PLATFORM: 'bale' });
    expect(c.bot.token).toBe(TOKEN);
    expect(c.bot.platform).toEqual({
      platform: 'BALE',
      apiRoot: 'https://tapi.bale.ai',
      caps: { parseMode: false, chatAction: false, webhookSecret: false, copyText: false, keyboardExtras: false },
    });
  });

  it('BOT_API_ROOT overrides the address (trailing slash dropped)', () => {
    expect(loadConfig({ BOT_API_ROOT: 'http://127.0.0.1:8081/' }).bot.platform.apiRoot).toBe('http://127.0.0.1:8081');
  });

  it('webhook mode on Telegram needs a secret; Bale does not (it sends none)', () => {
    expect(issuesOf({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' })).toEqual(['BOT_WEBHOOK_SECRET: is required for a Telegram webhook']);
    const s = 'x'.repeat(32);
    expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', BOT_WEBHOOK_SECRET: s }).bot.webhookSecret).toBe(s);
    expect(loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', BOT_PLATFORM: 'bale' }).bot.mode).toBe('webhook');
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
  ])('rejects %o naming %s', (env, name) => {
    const issues = issuesOf(env);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${name}: `));
  });
});
