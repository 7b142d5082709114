/**
 * The webhook route (BOT_MODE=webhook), a Fastify plugin registered by
 * app.ts. On Telegram the secret header is checked (constant time);
 * Bale sends none, so there the path itself should be unguessable. The update
 * is handled (dedupe, lock, transaction) and only then 200 returned: a 200 is
 * the messenger's acknowledgement, after which it never sends the update again.
 * When the database could not take it (unreachable, no connection free, the
 * frame timed out: UpdateDeferredError) the answer is 503 with Retry-After, and
 * so is one still running after `answerWithinMs`: the messenger delivers it
 * again, and the redelivery is handled if the first try came to nothing, or
 * skipped (ProcessedUpdate) if it committed. A domain refusal is a normal answer
 * to the user and a 200. A process killed mid-update never answers: redelivered.
 *
 * At most `concurrency` updates run at once in this process (each holds a database
 * connection until it ends, so the panel and the outbox keep theirs); others wait their
 * turn, and beyond `maxWaiting` the platform is told to come back later (503), so a flood
 * never queues without bound in memory and nothing is lost: the messenger redelivers.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import pLimit from 'p-limit';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.ts';
import type { PlatformConfig } from '../messenger/platform.ts';
import type { BotContext } from './context.ts';
import { isUpdateDeferred } from './update-unit.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface BotWebhookOptions {
  bot: Bot<BotContext>;
  path: string;
  /** Required when the platform supports secret tokens (Telegram). */
  secret: string | null;
  platform: PlatformConfig;
  logger: Logger;
  answerWithinMs?: number;
  /** Updates handled at once (BOT_CONCURRENCY); default 8. */
  concurrency?: number;
  /**
   * Updates that may wait for a turn; default 100: more than Telegram sends at once with its
   * default max_connections (40), so only a flood beyond that is refused.
   */
  maxWaiting?: number;
  /** Retry-After of a 503 for an update that could not be handled now; default 5 s. */
  retryAfterSeconds?: number;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

export const botWebhook: FastifyPluginAsync<BotWebhookOptions> = async (app, opts) => {
  const checkSecret = opts.platform.caps.webhookSecret;
  if (checkSecret && !opts.secret) throw new Error('BOT_WEBHOOK_SECRET is required for a Telegram webhook');
  const answerWithinMs = opts.answerWithinMs ?? 10_000;
  const slots = pLimit(opts.concurrency ?? 8);
  const maxWaiting = opts.maxWaiting ?? 100;

  app.post(opts.path, { bodyLimit: 1_048_576 }, async (request, reply) => {
    if (checkSecret && opts.secret) {
      const given = request.headers[SECRET_HEADER];
      if (typeof given !== 'string' || given === '') return reply.code(401).send();
      if (!sameSecret(given, opts.secret)) return reply.code(403).send();
    }
    if (!isUpdate(request.body)) return reply.code(400).send();
    const update = request.body;
    if (slots.pendingCount >= maxWaiting) {
      opts.logger.warn({ updateId: update.update_id, running: slots.activeCount, waiting: slots.pendingCount }, 'webhook busy: update refused for redelivery');
      return reply.code(503).header('retry-after', '1').send();
    }
    const handling = slots(() => opts.bot.handleUpdate(update)).then(
      () => 'handled' as const,
      (err: unknown) => {
        if (isUpdateDeferred(err)) return 'deferred' as const;
        // Not the database: the update unit has recorded it and apologised; coming again would not help.
        opts.logger.error({ err, updateId: update.update_id }, 'webhook update failed');
        return 'handled' as const;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([handling, new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), answerWithinMs)))]);
    clearTimeout(timer);
    if (outcome !== 'handled') {
      opts.logger.warn({ updateId: update.update_id, outcome }, 'webhook update not done: left for redelivery');
      return reply.code(503).header('retry-after', String(opts.retryAfterSeconds ?? 5)).send();
    }
    // An empty 200: a JSON body would be read by Telegram as a method call.
    return reply.code(200).send();
  });
};
