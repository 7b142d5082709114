/**
 * A floor for bench 2: the bot's update path with no conversation and no domain work. grammY,
 * the update unit (one transaction, lock, dedupe, session rows), the chat account and the
 * session, and a one-line reply with two buttons per update, driven by the same test users and
 * fake Bot API as the real bot. Whatever a conversation does comes on top of this, so its
 * ratio to the ceiling bounds what any conversation on this stack can reach.
 */
import { Bot } from 'grammy';
import { pino } from 'pino';
import { chatAccountMiddleware } from '../../bot/chat-account.ts';
import type { BotContext } from '../../bot/context.ts';
import type { BotDeps } from '../../bot/deps.ts';
import { chatSession } from '../../bot/session-storage.ts';
import { updateUnit } from '../../bot/update-unit.ts';
import { createCore } from '../../core/index.ts';
import { createFakeBotApi, FAKE_BOT_INFO, FAKE_BOT_TOKEN } from '../../fixtures/bot/fake-bot-api.ts';
import { createTestUser } from '../../fixtures/bot/test-user.ts';
import { platformConfig } from '../../messenger/platform.ts';
import type { Database } from '../../prisma/client.ts';

const REPLY_MARKUP = { inline_keyboard: [[{ text: 'بله', callback_data: 'ok:y' }, { text: 'خیر', callback_data: 'ok:n' }]] };

let nextUpdateId = 1;

function floorBot(database: Database) {
  const platform = platformConfig('TELEGRAM', undefined, { paymentProviderToken: null });
  const api = createFakeBotApi({ platform: platform.platform, apiRoot: platform.apiRoot });
  const deps: BotDeps = { database, core: createCore({ db: database.db }), logger: pino({ level: 'silent' }), platform, botId: 'floor' };
  const bot = new Bot<BotContext>(FAKE_BOT_TOKEN, { client: { apiRoot: platform.apiRoot, fetch: api.fetch }, botInfo: FAKE_BOT_INFO });
  bot.use(updateUnit(deps));
  bot.use(chatAccountMiddleware(deps));
  bot.use(chatSession(deps));
  // The session changes on every update, so its row is written with each COMMIT, as a
  // conversation's state is (the field is only a counter here).
  bot.on('message', async (ctx) => {
    const seen = Number(ctx.session.centerId ?? 0) + 1;
    ctx.session.centerId = String(seen);
    await ctx.reply(`پیام ${seen}`, { reply_markup: REPLY_MARKUP });
  });
  return { api, bot };
}

/** Conversations of `updatesPerConversation` messages per second, `lanes` chats at a time, for `seconds`. */
export async function floorConversationsPerSecond(
  database: Database,
  options: { lanes: number; updatesPerConversation: number; seconds: number; firstUserId: number },
): Promise<{ perSecond: number; cpuMsPerUpdate: number }> {
  const { api, bot } = floorBot(database);
  // Update ids go on from the last run's: the same id again would be skipped as a duplicate.
  const firstUpdateId = nextUpdateId;
  const deliverer = { api, nextUpdateId: () => nextUpdateId++, deliver: (u: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(u) };
  const users = Array.from({ length: options.lanes }, (_, i) => createTestUser(deliverer, { id: options.firstUserId + i, firstName: 'خیّر', languageCode: 'fa' }));
  // Each chat's first update creates its account: done before the clock starts, as in bench 2.
  await Promise.all(users.map((u) => u.send('سلام')));
  let conversations = 0;
  const until = performance.now() + options.seconds * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    users.map(async (u) => {
      while (performance.now() < until) {
        for (let i = 0; i < options.updatesPerConversation; i++) await u.send('سلام');
        conversations++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  // Every update answered with its reply: a failed one would have been apologised for instead.
  const replies = api.calls.filter((c) => c.ok && c.method === 'sendMessage' && String(c.payload.text).startsWith('پیام ')).length;
  if (replies !== nextUpdateId - firstUpdateId) throw new Error(`floor bot: ${nextUpdateId - firstUpdateId} updates, ${replies} replies`);
  return {
    perSecond: conversations / ((performance.now() - t0) / 1000),
    cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / (conversations * options.updatesPerConversation),
  };
}
