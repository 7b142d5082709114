/** What the bot is built from; main.ts and the test harness assemble it. */
import type { Clock } from '../core/context.ts';
import type { Core } from '../core/index.ts';
import type { Logger } from '../logger.ts';
import type { PlatformConfig } from '../messenger/platform.ts';
import type { Database } from '../prisma/client.ts';

export interface BotDeps {
  database: Database;
  /** Core bound to the root client; each update rebinds it to its own transaction. */
  core: Core;
  logger: Logger;
  platform: PlatformConfig;
  clock?: Clock;
  /**
   * Identifies the bot in ProcessedUpdate and session keys (messenger/bot-id.ts:
   * several processes of one bot share it).
   */
  botId: string;
}
