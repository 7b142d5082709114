/**
 * The real bot (createBot) on a test database, talking to the fake Bot API
 * through grammY's `client.fetch`. restart() builds a new Bot instance on the
 * same database (a conversation in progress resumes); spawn() makes a second
 * process-like instance for concurrency tests.
 */
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { createBot } from '../../../bot/index.ts';
import type { BotContext } from '../../../bot/context.ts';
import type { BotDeps } from '../../../bot/deps.ts';
import { platformConfig, type Platform as PlatformName } from '../../../messenger/platform.ts';
import type { Clock } from '../../../core/context.ts';
import { createCore, type Core } from '../../../core/index.ts';
import type { DonorActor } from '../../../core/actor.ts';
import type { Database } from '../../../prisma/client.ts';
import { donorActor } from '../actors.ts';
import { createFakeBotApi, FAKE_BOT_INFO, FAKE_BOT_TOKEN, type FakeBotApi } from './fake-bot-api.ts';
import { createTestUser, type TestUser, type TestUserOptions } from './test-user.ts';

export interface BotHarness {
  /** The current instance (replaced by restart()). */
  readonly bot: Bot<BotContext>;
  api: FakeBotApi;
  deps: BotDeps;
  core: Core;
  database: Database;
  user(options: TestUserOptions): TestUser;
  /** A new Bot instance on the same database and fake API; the old one is dropped. */
  restart(): Bot<BotContext>;
  /** Another instance alongside the current one (a second bot process). */
  spawn(): Bot<BotContext>;
  /** Hands one update to a bot instance (the current one by default). */
  deliver(update: Update, bot?: Bot<BotContext>): Promise<void>;
  nextUpdateId(): number;
  /** The user's ChatAccount (created on demand, as the bot would on their first update). */
  chatAccount(user: TestUser): Promise<{ id: string; personId: string | null; language: string }>;
  /** Links the user's chat to a person (what donor registration / a trustee link code does). */
  linkPerson(user: TestUser, personId: string): Promise<void>;
  /** Stores the chat's chosen center in its session (as /start c_<code> would). */
  chooseCenter(user: TestUser, centerId: string): Promise<void>;
  /** A new registered donor's chat at a center, with the donor menu on screen. */
  donorAt(centerId: string, options: TestUserOptions): Promise<{ u: TestUser; donor: DonorActor & { personId: string } }>;
}

export interface BotHarnessOptions {
  database: Database;
  platform?: PlatformName;
  clock?: Clock;
  /** Overrides the platform's default Bot API address (BOT_API_ROOT). */
  apiRoot?: string;
}

let updateIds = 1;

export function createBotHarness(options: BotHarnessOptions): BotHarness {
  const platform = platformConfig(options.platform ?? 'TELEGRAM', options.apiRoot);
  const api = createFakeBotApi({ platform: platform.platform, apiRoot: platform.apiRoot });
  const core = createCore({ db: options.database.db, ...(options.clock ? { clock: options.clock } : {}) });
  const deps: BotDeps = {
    database: options.database,
    core,
    logger: pino({ level: process.env.BOT_TEST_LOG ?? 'silent' }),
    platform,
    ...(options.clock ? { clock: options.clock } : {}),
    botId: String(FAKE_BOT_INFO.id),
  };
  const build = () => createBot(FAKE_BOT_TOKEN, deps, { client: { fetch: api.fetch }, botInfo: FAKE_BOT_INFO });
  let bot = build();

  const h: BotHarness = {
    get bot() {
      return bot;
    },
    api,
    deps,
    core,
    database: options.database,
    user: (o) => createTestUser(h, o),
    restart() {
      bot = build();
      return bot;
    },
    spawn: build,
    deliver: (update, target = bot) => target.handleUpdate(update),
    nextUpdateId: () => updateIds++,
    chatAccount: (user) =>
      options.database.db.chatAccount.upsert({
        where: { platform_externalUserId: { platform: platform.platform, externalUserId: String(user.id) } },
        create: { platform: platform.platform, externalUserId: String(user.id), chatId: String(user.id), language: user.from.language_code === 'en' ? 'en' : 'fa' },
        update: {},
        select: { id: true, personId: true, language: true },
      }),
    async linkPerson(user, personId) {
      const account = await h.chatAccount(user);
      await options.database.db.chatAccount.update({ where: { id: account.id }, data: { personId } });
    },
    async chooseCenter(user, centerId) {
      const key = `session:${deps.botId}:${user.id}`;
      const where = { platform_key: { platform: platform.platform, key } };
      const row = await options.database.db.botSession.findUnique({ where });
      const value = { ...((row?.value as Record<string, unknown> | null) ?? {}), centerId };
      await options.database.db.botSession.upsert({ where, create: { platform: platform.platform, key, value }, update: { value } });
    },
    async donorAt(centerId, userOptions) {
      const u = h.user(userOptions);
      const donor = await donorActor(options.database.db);
      await h.linkPerson(u, donor.personId);
      await h.chooseCenter(u, centerId);
      await u.send('/menu');
      return { u, donor };
    },
  };
  return h;
}
