/** The webhook route: the secret header on Telegram (401 missing, 403 wrong), none on Bale; a right call is processed once. */
import type { FastifyInstance } from 'fastify';
import { Bot } from 'grammy';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { BotContext } from '../../bot/context.ts';
import type { Database } from '../../prisma/client.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';

const SECRET = 'a-very-secret-token_0123456789';
const logger = pino({ level: 'silent' });
let database: Database;
let h: BotHarness;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  h = createBotHarness({ database });
  app = await buildApp({
    database,
    logger,
    admin: false,
    botWebhook: { bot: h.bot, path: '/bot/webhook', secret: SECRET, platform: h.deps.platform, logger },
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/bot/webhook', payload: payload as object, headers });

describe('webhook (Telegram)', () => {
  it('refuses a call without the secret header (401) or with a wrong one (403), and handles nothing', async () => {
    const u = h.user({ id: 8001, languageCode: 'en' });
    expect((await post(u.messageUpdate('/help'))).statusCode).toBe(401);
    expect((await post(u.messageUpdate('/help'), { 'x-telegram-bot-api-secret-token': 'wrong-secret-wrong-secret' })).statusCode).toBe(403);
    expect(u.texts()).toEqual([]);
  });

  it('processes an update with the right secret, once even when redelivered', async () => {
    const u = h.user({ id: 8002, languageCode: 'en' });
    const update = u.messageUpdate('/help');
    const headers = { 'x-telegram-bot-api-secret-token': SECRET };
    const res = await post(update, headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(u.lastText()).toMatch(/^This bot connects you/);
    expect((await post(update, headers)).statusCode).toBe(200);
    expect(u.texts()).toHaveLength(1);
  });

  it('rejects a body that is not an update (400)', async () => {
    expect((await post({ hello: 1 }, { 'x-telegram-bot-api-secret-token': SECRET })).statusCode).toBe(400);
  });
});

describe('webhook (Bale)', () => {
  it('has no secret header to check (Bale sends none): the unguessable path guards it', async () => {
    const bale = createBotHarness({ database, platform: 'BALE' });
    const baleApp = await buildApp({
      database,
      logger,
      admin: false,
      botWebhook: { bot: bale.bot, path: '/bot/bale-3f9c2a', secret: null, platform: bale.deps.platform, logger },
    });
    const u = bale.user({ id: 8003, languageCode: 'fa' });
    const res = await baleApp.inject({ method: 'POST', url: '/bot/bale-3f9c2a', payload: u.messageUpdate('/help') as object });
    expect(res.statusCode).toBe(200);
    expect(u.lastText()).toMatch(/^این بات/);
    await baleApp.close();
  });

  it('a Telegram webhook without a secret is refused at start', async () => {
    await expect(
      buildApp({ database, logger, admin: false, botWebhook: { bot: h.bot, path: '/x', secret: null, platform: h.deps.platform, logger } }),
    ).rejects.toThrow(/BOT_WEBHOOK_SECRET/);
  });
});

describe('webhook under a burst', () => {
  it('runs at most BOT_CONCURRENCY updates at once, lets some more wait, and refuses the rest with 503 for redelivery', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const handled: number[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // A bot whose every update waits at the gate (each would hold a database connection meanwhile).
    const bot = new Bot<BotContext>('1:burst', { botInfo: { id: 1, is_bot: true, first_name: 'Burst', username: 'burst_bot' } as Bot['botInfo'] });
    bot.use(async (ctx) => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await gate;
      handled.push(ctx.update.update_id);
      running--;
    });
    const burstApp = await buildApp({
      database,
      logger,
      admin: false,
      botWebhook: { bot, path: '/bot/burst', secret: null, platform: { ...h.deps.platform, caps: { ...h.deps.platform.caps, webhookSecret: false } }, logger, concurrency: 2, maxWaiting: 8, answerWithinMs: 20 },
    });
    const updates = Array.from({ length: 12 }, (_, i) => ({ update_id: 500 + i, message: { message_id: i, date: 0, chat: { id: 9, type: 'private' }, text: 'x' } }));
    const answers = await Promise.all(updates.map((u) => burstApp.inject({ method: 'POST', url: '/bot/burst', payload: u })));
    // 2 running + 8 waiting were taken (but not done within answerWithinMs, so not acknowledged:
    // Retry-After 5, a redelivery is skipped once they commit); the last two were refused.
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(503));
    expect(answers.map((a) => a.headers['retry-after'])).toEqual([...Array(10).fill('5'), '1', '1']);
    expect(mostAtOnce).toBe(2);
    open();
    await expect.poll(() => handled.length).toBe(10);
    expect(mostAtOnce).toBe(2);
    expect(handled.sort()).toEqual(updates.slice(0, 10).map((u) => u.update_id));
    await burstApp.close();
  });
});
