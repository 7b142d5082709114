/** What the bot is built from; main.ts and the test harness assemble it. */
import type { Clock } from '../core/context.ts';
import type { Core } from '../core/index.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../prisma/client.ts';
import type { PlatformConfig } from './platform.ts';

export interface BotDeps {
  database: Database;
  /** Core bound to the root client; each update rebinds it to its own transaction. */
  core: Core;
  logger: Logger;
  platform: PlatformConfig;
  clock?: Clock;
  /**
   * Identifies the bot in ProcessedUpdate and session keys: the numeric id before
   * the token's colon (several processes of one bot share it).
   */
  botId: string;
}

/** The bot's own id, from its token ("123456:ABC…" → "123456"), without a getMe call. */
export function botIdFromToken(token: string): string {
  const id = token.split(':')[0] ?? '';
  return /^\d+$/.test(id) ? id : 'bot';
}
