/**
 * The browser's playground chat: a cookie `imdad_playground` (HttpOnly,
 * SameSite=Lax, Path=/playground) holding the chat id, the identity and the
 * page language, signed with an HMAC so that nobody reads another chat by
 * writing its id into the cookie.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { serializeCookie } from '../http/cookie.ts';
import type { Language } from '../messenger/i18n.ts';
import { IDENTITIES, type Identity } from './messages.ts';

export const CHAT_COOKIE = 'imdad_playground';
export const PLAYGROUND_PATH = '/playground';

export interface ChatCookie {
  chatId: string;
  identity: Identity;
  language: Language;
}

function mac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`playground-chat:${value}`).digest('base64url');
}

export function encodeChatCookie(secret: string, c: ChatCookie): string {
  const value = `${c.chatId}.${c.identity}.${c.language}`;
  return `${value}.${mac(secret, value)}`;
}

export function decodeChatCookie(secret: string, raw: string): ChatCookie | null {
  const m = /^(\d{15})\.([a-z-]+)\.(fa|en)\.([A-Za-z0-9_-]{43})$/.exec(raw);
  if (!m) return null;
  const [, chatId, identity, language, given] = m as unknown as [string, string, string, Language, string];
  const expected = Buffer.from(mac(secret, `${chatId}.${identity}.${language}`));
  if (!timingSafeEqual(Buffer.from(given), expected)) return null;
  if (!(IDENTITIES as readonly string[]).includes(identity)) return null;
  return { chatId, identity: identity as Identity, language };
}

export function setChatCookie(reply: FastifyReply, secret: string, c: ChatCookie, secure: boolean): void {
  reply.header('set-cookie', serializeCookie(CHAT_COOKIE, encodeChatCookie(secret, c), { path: PLAYGROUND_PATH, secure }));
}
