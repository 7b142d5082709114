/**
 * Starting and stopping the bot from main.ts: long polling (polling.ts: an
 * update is confirmed to the messenger only once handled; concurrency bounded
 * by the database pool: each update in flight holds a connection), or webhook (the route comes from bot/webhook.ts
 * through app.ts; the webhook is registered when BOT_WEBHOOK_URL is set).
 */
import type { ApiClientOptions, Bot } from 'grammy';
import type { Core } from '../core/index.ts';
import type { Logger } from '../logger.ts';
import { botIdFromToken } from '../messenger/bot-id.ts';
import { translator } from '../messenger/i18n.ts';
import type { Database } from '../prisma/client.ts';
import type { BotContext } from './context.ts';
import { GLOBAL_COMMANDS } from './global-updates.ts';
import { createBot } from './index.ts';
import { startPolling, type Polling } from './polling.ts';
import type { BotSettings } from './settings.ts';
import type { BotWebhookOptions } from './webhook.ts';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface RunningBot {
  bot: Bot<BotContext>;
  /** Set in webhook mode: what app.ts registers. */
  webhook: BotWebhookOptions | null;
  /** Starts polling (polling mode); call after the HTTP server is up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function prepareBot(
  settings: BotSettings,
  deps: { database: Database; core: Core; logger: Logger },
  /** Tests: the fake Bot API's fetch. */
  client?: ApiClientOptions,
): Promise<RunningBot | null> {
  const logger = deps.logger.child({ component: 'bot', platform: settings.platform.platform });
  if (!settings.token) {
    logger.info('BOT_TOKEN is not set: the bot is not running');
    return null;
  }
  const bot = createBot(settings.token, {
    ...deps,
    logger,
    platform: settings.platform,
    botId: botIdFromToken(settings.token),
  }, client ? { client } : {});
  try {
    await bot.init();
  } catch (err) {
    // The panel keeps working; the operator sees why the bot is missing.
    logger.error({ err }, `the bot could not reach ${settings.platform.apiRoot} (is BOT_TOKEN right?): the bot is not running`);
    return null;
  }
  logger.info({ username: bot.botInfo.username, mode: settings.mode }, 'bot ready');

  let polling: Polling | undefined;
  const webhook: BotWebhookOptions | null =
    settings.mode === 'webhook'
      ? { bot, path: settings.webhookPath, secret: settings.webhookSecret, platform: settings.platform, logger, concurrency: settings.concurrency }
      : null;

  return {
    bot,
    webhook,
    async start() {
      await publishCommands(bot, settings).catch((err: unknown) => logger.warn({ err }, 'setMyCommands failed'));
      if (settings.mode === 'webhook') {
        if (!settings.webhookUrl) {
          logger.info(`webhook mode: point the bot's webhook at ${settings.webhookPath} (or set BOT_WEBHOOK_URL)`);
          return;
        }
        await bot.api.setWebhook(settings.webhookUrl, {
          allowed_updates: [...ALLOWED_UPDATES],
          ...(settings.platform.caps.webhookSecret && settings.webhookSecret ? { secret_token: settings.webhookSecret } : {}),
        });
        logger.info({ url: settings.webhookUrl }, 'webhook registered');
        return;
      }
      await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'deleteWebhook failed'));
      polling = startPolling(bot, { concurrency: settings.concurrency, allowedUpdates: ALLOWED_UPDATES, logger });
      logger.info({ concurrency: settings.concurrency }, 'long polling started');
    },
    async stop() {
      await polling?.stop();
    },
  };
}

/** The command list in the messenger's menu: Persian by default, English for English clients (Telegram only). */
async function publishCommands(bot: Bot<BotContext>, settings: BotSettings): Promise<void> {
  const commands = (lng: 'fa' | 'en') => {
    const t = translator(lng);
    return GLOBAL_COMMANDS.map((command) => ({ command, description: t(`bot:commands.${command}`) }));
  };
  await bot.api.setMyCommands(commands('fa'));
  if (settings.platform.platform === 'TELEGRAM') await bot.api.setMyCommands(commands('en'), { language_code: 'en' });
}
