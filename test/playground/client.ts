/** The playground's API as the page uses it, over `inject` with the chat cookie. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { CHAT_COOKIE } from '../../playground/chat-cookie.ts';
import type { ChatMessage as PgMessage, ChatReplyKeyboard as PgReplyKeyboard, Identity } from '../../playground/messages.ts';

export interface PgState {
  enabled: true;
  chat: { id: string; identity: Identity; userLanguage: 'fa' | 'en' } | null;
  identities: { key: Identity; available: boolean }[];
  centers: { name: string; code: string; startCommand: string }[];
  messages: PgMessage[];
  replyKeyboard: PgReplyKeyboard | null;
}

export function chatCookieOf(res: LightMyRequestResponse): string {
  const header = [res.headers['set-cookie'] ?? []].flat().find((h) => h.startsWith(`${CHAT_COOKIE}=`));
  if (!header) throw new Error('no playground cookie in the response');
  return header.split(';')[0]!;
}

export async function chooseIdentity(
  app: FastifyInstance,
  body: { identity: Identity; centerCode?: string; language?: 'fa' | 'en' },
  headers: Record<string, string> = {},
): Promise<{ state: PgState; cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/playground/api/identity', payload: body, headers });
  expect(res.statusCode, res.body).toBe(200);
  return { state: res.json() as PgState, cookie: chatCookieOf(res) };
}

export async function stateOf(app: FastifyInstance, cookie: string): Promise<PgState> {
  const res = await app.inject({ method: 'GET', url: '/playground/api/state', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PgState;
}

export async function post(app: FastifyInstance, cookie: string, url: string, payload: object): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload, headers: { cookie } });
}

/** The latest bot message with an inline button matching `label`, or the reply keyboard's button. */
export async function pressLabel(app: FastifyInstance, cookie: string, label: string | RegExp): Promise<void> {
  const state = await stateOf(app, cookie);
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (const m of [...state.messages].reverse()) {
    const button = m.inlineKeyboard?.flat().find((b) => matches(b.text) && b.data !== undefined);
    if (button) {
      const res = await post(app, cookie, '/playground/api/press', { messageId: m.id, data: button.data });
      expect(res.statusCode, res.body).toBe(200);
      return;
    }
  }
  const reply = state.replyKeyboard?.rows.flat().find((b) => matches(b.text));
  if (reply) {
    const res = await post(app, cookie, '/playground/api/send', { text: reply.text });
    expect(res.statusCode, res.body).toBe(200);
    return;
  }
  const shown = state.messages.flatMap((m) => m.inlineKeyboard?.flat().map((b) => b.text) ?? []);
  throw new Error(`no button ${String(label)} on screen; last text: ${lastBotText(state)}; buttons: ${shown.join(' | ')}`);
}

export async function say(app: FastifyInstance, cookie: string, text: string): Promise<void> {
  const res = await post(app, cookie, '/playground/api/send', { text });
  expect(res.statusCode, res.body).toBe(200);
}

export function lastBotText(state: PgState): string | undefined {
  return state.messages.filter((m) => m.from === 'bot').at(-1)?.text;
}

/** A multipart body as a browser's FormData would send it. */
export function multipart(parts: { name: string; value: string | { bytes: Buffer; filename: string; type: string } }[]): { body: Buffer; contentType: string } {
  const boundary = `----playground${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if (typeof p.value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.value.filename}"\r\nContent-Type: ${p.value.type}\r\n\r\n`),
        p.value.bytes,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A tiny but real PNG (1×1). */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function uploadPhoto(app: FastifyInstance, cookie: string, options: { bytes?: Buffer; type?: string; caption?: string } = {}): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipart([
    ...(options.caption ? [{ name: 'caption', value: options.caption }] : []),
    { name: 'file', value: { bytes: options.bytes ?? PNG_BYTES, filename: 'receipt.png', type: options.type ?? 'image/png' } },
  ]);
  return app.inject({ method: 'POST', url: '/playground/api/photo', payload: body, headers: { cookie, 'content-type': contentType } });
}
