/**
 * A fake Bot API for the outbox sender that ENFORCES the messengers' limits on
 * a (fake or real) clock: at most `perSecond` accepted messages in any one
 * second and `perChatPerSecond` per chat, answering 429 with retry_after when
 * exceeded. A chat told to wait (retry_after) that is written to before the
 * time is up is recorded as a violation. Tests can script answers per chat
 * (429 with a retry_after, 5xx, 403, a network error) and hook each request
 * (e.g. to kill the sender at the nth message).
 */
import type { ApiClientOptions } from 'grammy';

export const LIMITED_FAKE_TOKEN = '777000:LIMITED-FAKE';

export interface Delivery {
  chatId: string;
  text: string;
  /** Fake/real clock time the API accepted it (ms). */
  at: number;
  messageId: number;
  replyMarkup?: unknown;
}

export type ScriptedAnswer = { kind: '429'; retryAfter: number } | { kind: '5xx' } | { kind: '403' } | { kind: 'network' };

export interface Refusal {
  chatId: string;
  at: number;
  status: number | 'network';
  reason: string;
}

export interface LimitedFakeBotApi {
  fetch: NonNullable<ApiClientOptions['fetch']>;
  apiRoot: string;
  token: string;
  delivered: Delivery[];
  /** Every request answered with an error (scripted, or over a limit). */
  refused: Refusal[];
  /** Requests to a chat still inside its retry_after: the sender did not wait. */
  violations: Refusal[];
  /** Requests that exceeded the per-second limits (answered 429 by the fake itself). */
  overLimit: Refusal[];
  /** Answer the next `times` requests to `chatId` ('*': any chat) with this. */
  script(chatId: string, answer: ScriptedAnswer, times?: number): void;
  /** Called before each sendMessage is handled; 'drop' loses it (the request never reached the server). */
  onRequest?: (req: { chatId: string; text: string; index: number }) => 'deliver' | 'drop';
}

export function createLimitedFakeBotApi(options: { clock: { now(): Date }; perSecond?: number; perChatPerSecond?: number }): LimitedFakeBotApi {
  const perSecond = options.perSecond ?? 30;
  const perChatIntervalMs = 1000 / (options.perChatPerSecond ?? 1);
  const delivered: Delivery[] = [];
  const refused: Refusal[] = [];
  const violations: Refusal[] = [];
  const overLimit: Refusal[] = [];
  const scripts: { chatId: string; answer: ScriptedAnswer; left: number }[] = [];
  const waitUntil = new Map<string, number>();
  const lastToChat = new Map<string, number>();
  let requests = 0;
  let nextMessageId = 1;

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const error = (status: number, description: string, parameters?: Record<string, unknown>) =>
    json(status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });

  const api: LimitedFakeBotApi = {
    apiRoot: 'http://fake-limited-bot-api.test',
    token: LIMITED_FAKE_TOKEN,
    delivered,
    refused,
    violations,
    overLimit,
    script(chatId, answer, times = 1) {
      scripts.push({ chatId, answer, left: times });
    },
    fetch: (async (input: unknown, init?: { body?: unknown }) => {
      const url = String(input instanceof URL ? input.href : typeof input === 'string' ? input : (input as { url: string }).url);
      const method = url.split('/').pop() ?? '';
      const payload = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const now = options.clock.now().getTime();
      if (method === 'getMe') return json(200, { ok: true, result: { id: 777000, is_bot: true, first_name: 'Fake', username: 'fake_bot' } });
      if (method !== 'sendMessage') return error(400, `Bad Request: method ${method} not faked`);

      const chatId = String(payload.chat_id);
      const text = String(payload.text ?? '');
      const index = requests++;
      if (api.onRequest?.({ chatId, text, index }) === 'drop') throw new TypeError('fetch failed: connection reset');

      const refuse = (status: number | 'network', reason: string) => refused.push({ chatId, at: now, status, reason });
      const until = waitUntil.get(chatId);
      if (until !== undefined && now < until) {
        const r = { chatId, at: now, status: 429, reason: `inside retry_after until ${until}` };
        violations.push(r);
        refused.push(r);
        return error(429, 'Too Many Requests: retry after', { retry_after: Math.ceil((until - now) / 1000) });
      }
      const scripted = scripts.find((s) => s.left > 0 && (s.chatId === chatId || s.chatId === '*'));
      if (scripted) {
        scripted.left--;
        const a = scripted.answer;
        if (a.kind === 'network') {
          refuse('network', 'scripted network error');
          throw new TypeError('fetch failed: socket hang up');
        }
        if (a.kind === '429') {
          waitUntil.set(chatId, now + a.retryAfter * 1000);
          refuse(429, `scripted retry_after ${a.retryAfter}`);
          return error(429, `Too Many Requests: retry after ${a.retryAfter}`, { retry_after: a.retryAfter });
        }
        if (a.kind === '403') {
          refuse(403, 'scripted blocked');
          return error(403, 'Forbidden: bot was blocked by the user');
        }
        refuse(502, 'scripted server error');
        return error(502, 'Bad Gateway');
      }
      const last = lastToChat.get(chatId);
      const inLastSecond = delivered.filter((d) => d.at > now - 1000).length;
      if ((last !== undefined && now - last < perChatIntervalMs) || inLastSecond >= perSecond) {
        const r = { chatId, at: now, status: 429, reason: inLastSecond >= perSecond ? 'over the global rate' : 'over the per-chat rate' };
        overLimit.push(r);
        refused.push(r);
        waitUntil.set(chatId, now + 1000);
        return error(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
      }
      lastToChat.set(chatId, now);
      const messageId = nextMessageId++;
      delivered.push({ chatId, text, at: now, messageId, replyMarkup: payload.reply_markup });
      return json(200, { ok: true, result: { message_id: messageId, date: Math.floor(now / 1000), chat: { id: Number(chatId) || 0, type: 'private' }, text } });
    }) as unknown as NonNullable<ApiClientOptions['fetch']>,
  };
  return api;
}

/** The largest number of deliveries inside any one-second window (sliding). */
export function maxPerSecond(deliveries: readonly { at: number }[]): number {
  const times = deliveries.map((d) => d.at).sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
