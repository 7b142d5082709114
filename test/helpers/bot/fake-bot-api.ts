/**
 * A fake Bot API server behind grammY's `client.fetch`: every call the bot
 * makes (outside AND inside conversations, which build their own Api objects)
 * is recorded and answered with a realistic result. In Bale mode it refuses
 * the methods and fields Bale lacks, so a test fails if the bot relies on them.
 */
import type { ApiClientOptions } from 'grammy';
import type { InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, Update, UserFromGetMe } from 'grammy/types';
import type { Platform as PlatformName } from '../../../messenger/platform.ts';
import { PLAYGROUND_BOT_INFO } from '../../../playground/fake-bot-api.ts';
// The same reader of grammY's JSON and multipart bodies as the playground's Bot API.
import { readApiPayload } from '../../../playground/multipart.ts';

export type Payload = Record<string, unknown>;

export interface ApiCall {
  method: string;
  payload: Payload;
  /** False when the fake answered with an error (refused, injected failure): the user saw nothing. */
  ok: boolean;
}

export interface FakeFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Uint8Array;
}

/** What a chat shows: the bot's messages by id (after edits). */
export interface ChatScreen {
  messages: Map<number, { text?: string; caption?: string; reply_markup?: InlineKeyboardMarkup }>;
  /** The custom reply keyboard currently shown, if any. */
  replyKeyboard?: ReplyKeyboardMarkup;
}

export interface FakeBotApi {
  fetch: NonNullable<ApiClientOptions['fetch']>;
  calls: ApiCall[];
  /** Calls the fake refused (Bale lacks the method or a field). */
  rejected: (ApiCall & { reason: string })[];
  files: Map<string, FakeFile>;
  screens: Map<number, ChatScreen>;
  platform: PlatformName;
  apiRoot: string;
  token: string;
  /** A file "uploaded by a user" (e.g. a receipt photo), for getFile and downloads. */
  addFile(bytes?: Uint8Array): FakeFile;
  /** Queues an update for getUpdates (long polling tests). */
  queueUpdate(update: Update): void;
  /** Make the next calls of a method fail with an error (e.g. 429, 403 blocked). */
  failNext(method: string, error: { error_code: number; description: string; parameters?: Payload }, times?: number): void;
}

export const FAKE_BOT_TOKEN = '123456:TEST-TOKEN';
/** getMe of the test bot: the playground bot's capabilities under another id and name. */
export const FAKE_BOT_INFO: UserFromGetMe = { ...PLAYGROUND_BOT_INFO, id: 123456, first_name: 'Imdad Test Bot', username: 'imdad_test_bot' };

/** Bale Bot API methods (its docs); anything else is refused in Bale mode. */
const BALE_METHODS = new Set([
  'getMe', 'logOut', 'close', 'getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo',
  'sendMessage', 'forwardMessage', 'copyMessage', 'sendPhoto', 'sendAudio', 'sendDocument', 'sendVideo',
  'sendAnimation', 'sendVoice', 'sendMediaGroup', 'sendLocation', 'sendContact', 'sendInvoice',
  'getFile', 'answerCallbackQuery', 'editMessageText', 'editMessageCaption', 'editMessageReplyMarkup',
  'deleteMessage', 'getChat', 'getChatMember', 'getChatMembersCount', 'getChatAdministrators',
  'answerPreCheckoutQuery', 'setMyCommands', 'deleteMyCommands', 'getMyCommands',
]);
/** Top-level fields Bale does not know (formatting, effects, newer reply options). */
const BALE_FORBIDDEN_FIELDS = [
  'parse_mode', 'entities', 'caption_entities', 'link_preview_options', 'message_effect_id',
  'protect_content', 'allow_paid_broadcast', 'business_connection_id', 'show_caption_above_media',
  'secret_token',
];
const BALE_INLINE_BUTTON_FIELDS = new Set(['text', 'callback_data', 'url', 'web_app']);
const BALE_REPLY_BUTTON_FIELDS = new Set(['text', 'request_contact', 'request_location']);
const BALE_REPLY_KEYBOARD_FIELDS = new Set(['keyboard', 'resize_keyboard', 'one_time_keyboard', 'selective']);

function baleViolation(method: string, payload: Payload): string | null {
  if (!BALE_METHODS.has(method)) return `Bale has no method ${method}`;
  for (const f of BALE_FORBIDDEN_FIELDS) if (payload[f] !== undefined) return `Bale does not support ${method}.${f}`;
  const markup = payload.reply_markup as Payload | undefined;
  if (markup && Array.isArray(markup.inline_keyboard)) {
    for (const row of markup.inline_keyboard as Payload[][])
      for (const b of row)
        for (const k of Object.keys(b)) if (!BALE_INLINE_BUTTON_FIELDS.has(k)) return `Bale inline buttons have no ${k}`;
  }
  if (markup && Array.isArray(markup.keyboard)) {
    for (const k of Object.keys(markup)) if (!BALE_REPLY_KEYBOARD_FIELDS.has(k)) return `Bale reply keyboards have no ${k}`;
    for (const row of markup.keyboard as (Payload | string)[][])
      for (const b of row)
        if (typeof b === 'object')
          for (const k of Object.keys(b)) if (!BALE_REPLY_BUTTON_FIELDS.has(k)) return `Bale keyboard buttons have no ${k}`;
  }
  return null;
}

export function createFakeBotApi(options: { platform?: PlatformName; apiRoot?: string; token?: string } = {}): FakeBotApi {
  const platform = options.platform ?? 'TELEGRAM';
  const apiRoot = options.apiRoot ?? (platform === 'BALE' ? 'https://tapi.bale.ai' : 'https://api.telegram.org');
  const token = options.token ?? FAKE_BOT_TOKEN;
  const calls: ApiCall[] = [];
  const rejected: FakeBotApi['rejected'] = [];
  const files = new Map<string, FakeFile>();
  const screens = new Map<number, ChatScreen>();
  const failures = new Map<string, { error: { error_code: number; description: string; parameters?: Payload }; times: number }>();
  const pending: Update[] = [];
  let wakeUp: (() => void) | undefined;
  let nextMessageId = 5000;
  let nextFile = 1;

  const screenOf = (chatId: number): ChatScreen => {
    let s = screens.get(chatId);
    if (!s) screens.set(chatId, (s = { messages: new Map() }));
    return s;
  };

  function addFile(bytes: Uint8Array = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])): FakeFile {
    const n = nextFile++;
    const f = { file_id: `file-${n}`, file_unique_id: `uniq-${n}`, file_path: `photos/file_${n}.jpg`, bytes };
    files.set(f.file_id, f);
    return f;
  }

  function message(chatId: number, extra: Partial<Message>): Message {
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'User' },
      from: FAKE_BOT_INFO,
      ...extra,
    } as Message;
  }

  function remember(chatId: number, m: Message, markup: unknown): void {
    const screen = screenOf(chatId);
    const mk = markup as Payload | undefined;
    const inline = mk && Array.isArray(mk.inline_keyboard) ? (mk as unknown as InlineKeyboardMarkup) : undefined;
    screen.messages.set(m.message_id, {
      ...('text' in m && m.text !== undefined ? { text: m.text } : {}),
      ...('caption' in m && m.caption !== undefined ? { caption: m.caption } : {}),
      ...(inline ? { reply_markup: inline } : {}),
    });
    if (mk && Array.isArray(mk.keyboard)) screen.replyKeyboard = mk as unknown as ReplyKeyboardMarkup;
    if (mk && mk.remove_keyboard) delete screen.replyKeyboard;
  }

  function edit(p: Payload, change: { text?: string; caption?: string }): Message | true {
    const chatId = Number(p.chat_id);
    const messageId = Number(p.message_id);
    const screen = screenOf(chatId);
    const old = screen.messages.get(messageId);
    if (!old) throw Object.assign(new Error('message to edit not found'), { code: 400 });
    const next = { ...old, ...change } as { text?: string; caption?: string; reply_markup?: InlineKeyboardMarkup };
    if (p.reply_markup !== undefined) next.reply_markup = p.reply_markup as InlineKeyboardMarkup;
    else delete next.reply_markup; // Telegram drops the keyboard unless it is sent again.
    screen.messages.set(messageId, next);
    return { ...message(chatId, { ...(next.text !== undefined ? { text: next.text } : {}) }), message_id: messageId } as Message;
  }

  function answer(method: string, p: Payload): unknown {
    const chatId = Number(p.chat_id);
    switch (method) {
      case 'getMe':
        return FAKE_BOT_INFO;
      case 'sendMessage': {
        const m = message(chatId, { text: String(p.text) } as Partial<Message>);
        remember(chatId, m, p.reply_markup);
        return { ...m, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) };
      }
      case 'sendPhoto':
      case 'sendDocument': {
        const f = addFile();
        const media =
          method === 'sendPhoto'
            ? { photo: [{ file_id: f.file_id, file_unique_id: f.file_unique_id, width: 800, height: 600, file_size: f.bytes.length }] }
            : { document: { file_id: f.file_id, file_unique_id: f.file_unique_id, file_name: 'file' } };
        const m = message(chatId, { ...media, ...(p.caption ? { caption: String(p.caption) } : {}) } as Partial<Message>);
        remember(chatId, m, p.reply_markup);
        return m;
      }
      case 'editMessageText':
        return edit(p, { text: String(p.text) });
      case 'editMessageCaption':
        return edit(p, { caption: String(p.caption ?? '') });
      case 'editMessageReplyMarkup':
        return edit(p, {});
      case 'deleteMessage':
        screenOf(chatId).messages.delete(Number(p.message_id));
        return true;
      case 'getFile': {
        const f = files.get(String(p.file_id));
        if (!f) throw Object.assign(new Error('Bad Request: invalid file_id'), { code: 400 });
        return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.bytes.length, file_path: f.file_path };
      }
      case 'getUpdates':
        return [];
      case 'getWebhookInfo':
        return { url: '', has_custom_certificate: false, pending_update_count: 0 };
      case 'getMyCommands':
        return [];
      default:
        return true;
    }
  }

  const fetch = async (input: unknown, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof URL ? input.href : input);
    // File downloads: <root>/file/bot<token>/<file_path>
    const fileMatch = url.startsWith(`${apiRoot}/file/bot${token}/`) ? url.slice(`${apiRoot}/file/bot${token}/`.length) : null;
    if (fileMatch !== null) {
      const f = [...files.values()].find((x) => x.file_path === fileMatch);
      return f ? new Response(f.bytes) : new Response('Not Found', { status: 404 });
    }
    const prefix = `${apiRoot}/bot${token}/`;
    if (!url.startsWith(prefix)) throw new Error(`the bot called an unexpected address: ${url.replace(token, '<token>')}`);
    const method = url.slice(prefix.length);
    const payload = await readApiPayload(init);
    const call: ApiCall = { method, payload, ok: true };
    calls.push(call);
    const reply = (body: { ok: boolean; [field: string]: unknown }) => {
      call.ok = body.ok;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };

    if (platform === 'BALE') {
      const reason = baleViolation(method, payload);
      if (reason) {
        rejected.push({ ...call, reason });
        return reply({ ok: false, error_code: 400, description: `Bad Request: ${reason}` });
      }
    }
    if (method === 'getUpdates') {
      // Long polling: hold the call briefly while nothing is queued, like the real server does.
      const offset = Number(payload.offset ?? 0);
      if (!pending.some((u) => u.update_id >= offset))
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, 100);
        });
      return reply({ ok: true, result: pending.filter((u) => u.update_id >= offset) });
    }
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      return reply({ ok: false, ...failure.error });
    }
    try {
      return reply({ ok: true, result: answer(method, payload) });
    } catch (e) {
      const err = e as Error & { code?: number };
      return reply({ ok: false, error_code: err.code ?? 400, description: err.message });
    }
  };

  return {
    fetch: fetch as unknown as NonNullable<ApiClientOptions['fetch']>,
    calls,
    rejected,
    files,
    screens,
    platform,
    apiRoot,
    token,
    addFile,
    queueUpdate(update) {
      pending.push(update);
      wakeUp?.();
    },
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
  };
}
