/**
 * What a failed send means for the message: wait and retry (429, 5xx,
 * network), stop messaging the chat (403: the user blocked the bot or left),
 * or give up on this message (any other 4xx, a template that does not exist).
 */
import { GrammyError, HttpError } from 'grammy';
import { UnknownTemplateError } from '../../messenger/notification-render.ts';

export type SendFailure =
  | { kind: 'rateLimited'; retryAfterSeconds: number; error: string }
  | { kind: 'blocked'; error: string }
  | { kind: 'retry'; error: string }
  | { kind: 'permanent'; error: string };

export function classifySendError(e: unknown): SendFailure {
  if (e instanceof GrammyError) {
    const error = `${e.error_code}: ${e.description}`.slice(0, 500);
    if (e.error_code === 429) return { kind: 'rateLimited', retryAfterSeconds: Math.max(1, e.parameters.retry_after ?? 1), error };
    if (e.error_code === 403) return { kind: 'blocked', error };
    if (e.error_code >= 500) return { kind: 'retry', error };
    return { kind: 'permanent', error };
  }
  if (e instanceof UnknownTemplateError) return { kind: 'permanent', error: e.message };
  if (e instanceof HttpError) return { kind: 'retry', error: `network: ${String(e.error instanceof Error ? e.error.message : e.error)}`.slice(0, 500) };
  return { kind: 'retry', error: `unexpected: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500) };
}

/** Exponential back-off for the nth attempt (1-based), capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
