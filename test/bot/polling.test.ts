/** main.ts's bot start: long polling (bot/polling.ts) against the fake Bot API, and the no-token / bad-token cases. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { prepareBot } from '../../bot/run.ts';
import { loadConfig } from '../../config.ts';
import { createCore } from '../../core/index.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createFakeBotApi, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestUser } from '../../fixtures/bot/test-user.ts';

const database = useTestDatabase();

const logger = pino({ level: 'silent' });

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the condition never became true');
}

describe('starting the bot', () => {
  it('polls with the runner, handles updates, publishes the commands, and stops', async () => {
    const api = createFakeBotApi();
    const settings = loadConfig({ BOT_TOKEN: FAKE_BOT_TOKEN, BOT_PLATFORM: 'telegram' }).bot;
    const running = await prepareBot(settings, { database, core: createCore({ db: database.db }), logger }, { fetch: api.fetch });
    expect(running).not.toBeNull();
    let ids = 900_000;
    const u = createTestUser(
      { api, nextUpdateId: () => ids++, deliver: async () => undefined },
      { id: 9001, languageCode: 'en' },
    );
    await running!.start();
    const update = u.messageUpdate('/help');
    api.queueUpdate(update);
    await until(async () => (await database.db.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })) === 1);
    await until(async () => u.texts().length === 1);
    await running!.stop();
    expect(u.lastText()).toMatch(/^This bot connects you/);
    const methods = api.calls.map((c) => c.method);
    expect(methods).toEqual(expect.arrayContaining(['getMe', 'setMyCommands', 'deleteWebhook', 'getUpdates']));
    const commands = api.calls.filter((c) => c.method === 'setMyCommands');
    expect(commands.map((c) => c.payload.language_code ?? 'default')).toEqual(['default', 'en']);
    expect(commands[0]!.payload.commands).toContainEqual({ command: 'cancel', description: 'لغو کار در جریان' });
  });

  it('does not run without BOT_TOKEN, nor when the token is refused', async () => {
    const core = createCore({ db: database.db });
    expect(await prepareBot(loadConfig({}).bot, { database, core, logger })).toBeNull();
    const api = createFakeBotApi();
    api.failNext('getMe', { error_code: 401, description: 'Unauthorized' });
    expect(await prepareBot(loadConfig({ BOT_TOKEN: FAKE_BOT_TOKEN, BOT_PLATFORM: 'telegram' }).bot, { database, core, logger }, { fetch: api.fetch })).toBeNull();
  });

  it('in webhook mode registers the webhook with its secret when BOT_WEBHOOK_URL is set', async () => {
    const api = createFakeBotApi();
    const settings = loadConfig({
      BOT_TOKEN: FAKE_BOT_TOKEN,
      BOT_PLATFORM: 'telegram',
      BOT_MODE: 'webhook',
      BOT_WEBHOOK_SECRET: 'secret-secret-secret-1',
      BOT_WEBHOOK_URL: 'https://bot.example.ir/bot/webhook',
    }).bot;
    const running = await prepareBot(settings, { database, core: createCore({ db: database.db }), logger }, { fetch: api.fetch });
    expect(running!.webhook).toMatchObject({ path: '/bot/webhook', secret: 'secret-secret-secret-1' });
    await running!.start();
    expect(api.calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({
      url: 'https://bot.example.ir/bot/webhook',
      secret_token: 'secret-secret-secret-1',
    });
    expect(api.calls.map((c) => c.method)).not.toContain('getUpdates');
    await running!.stop();
  });
});
