/**
 * The playground's Bot API, answered in-process at grammY's `client.fetch`:
 * the bot (and the outbox sender) call it as they would call Telegram, and
 * each chat's messages land in the memory store (playground/messages.ts),
 * which the page reads and follows. No network, no token.
 *
 * It never waits on the database while answering a call: the bot calls it from
 * inside its per-update transaction, and the embedded database has a single
 * connection. Files the bot sends are kept in memory; a user's uploads are
 * written to PlaygroundFile by the upload request before the bot sees them,
 * and only file downloads (which the bot does not do inside an update) may
 * read that table.
 */
import type { ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { FILE_URL_PREFIX, type MessageStore, type ChatButton, type ChatMessage, type ChatReplyKeyboard } from './messages.ts';
import { readApiPayload } from './multipart.ts';

export const PLAYGROUND_TOKEN = '100:playground';
export const PLAYGROUND_BOT_INFO: UserFromGetMe = {
  id: 100,
  is_bot: true,
  first_name: 'Imdad Playground',
  username: 'imdad_playground_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface StoredFile {
  bytes: Uint8Array;
  mimeType: string;
  name?: string;
}

export interface PlaygroundApiOptions {
  store: MessageStore;
  apiRoot: string;
  token?: string;
  /** Downloads of files not in memory (users' uploads in PlaygroundFile). */
  loadFile?: (fileId: string) => Promise<StoredFile | null>;
  /** Bytes of files kept in memory (the bot's own uploads and recent user uploads); the oldest go first. */
  maxMemoryBytes?: number;
}

export interface PlaygroundApi {
  fetch: NonNullable<ApiClientOptions['fetch']>;
  token: string;
  apiRoot: string;
  /** Keeps a file in memory (a user upload just written to the database, or a bot upload). */
  rememberFile(fileId: string, file: StoredFile): void;
  memoryFile(fileId: string): StoredFile | undefined;
  /** The callback query id for a press in a chat (its answer becomes a toast in that chat). */
  callbackId(chatId: string): string;
  /** The payload an invoice message was sent with (the page never sees it). */
  invoicePayload(chatId: string, messageId: number): string | undefined;
  /** A pre-checkout query id for a payment in a chat. */
  preCheckoutId(chatId: string): string;
  /** How the bot answered a pre-checkout query (undefined: not yet). */
  preCheckoutAnswer(queryId: string): { ok: boolean; error?: string } | undefined;
  /** A payment the page made, so the bot's inquireTransaction finds it paid. */
  recordCharge(chargeId: string, amount: number): void;
}

type Payload = Record<string, unknown>;

class ApiError extends Error {
  readonly code: number;
  constructor(code: number, description: string) {
    super(description);
    this.code = code;
  }
}

function inlineKeyboardOf(markup: unknown): ChatButton[][] | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  return rows.map((row: Payload[]) =>
    row.map((b) => ({
      text: String(b.text ?? ''),
      ...(typeof b.callback_data === 'string' ? { data: b.callback_data } : {}),
      ...(typeof b.url === 'string' ? { url: b.url } : {}),
      ...(typeof (b.copy_text as Payload | undefined)?.text === 'string' ? { copyText: String((b.copy_text as Payload).text) } : {}),
    })),
  );
}

/** The reply keyboard a message sets: a keyboard, null (removed), or undefined (unchanged). */
function replyKeyboardOf(markup: unknown): ChatReplyKeyboard | null | undefined {
  const m = markup as Payload | undefined;
  if (!m) return undefined;
  if (m.remove_keyboard) return null;
  if (!Array.isArray(m.keyboard)) return undefined;
  return {
    rows: (m.keyboard as (Payload | string)[][]).map((row) =>
      row.map((b) => (typeof b === 'string' ? { text: b } : { text: String(b.text ?? ''), ...(b.request_contact ? { requestContact: true } : {}) })),
    ),
    oneTime: Boolean(m.one_time_keyboard),
    ...(typeof m.input_field_placeholder === 'string' ? { placeholder: m.input_field_placeholder } : {}),
  };
}

/**
 * What a Bot API that only shows messages answers the rest: no updates to poll, no webhook,
 * no commands menu, and `true` for any other call (set a webhook, answer a callback, ...).
 * The tests' fake Bot API answers the same.
 */
export function quietAnswer(method: string): unknown {
  switch (method) {
    case 'getUpdates':
    case 'getMyCommands':
      return [];
    case 'getWebhookInfo':
      return { url: '', has_custom_certificate: false, pending_update_count: 0 };
    default:
      return true;
  }
}

export function createPlaygroundApi(options: PlaygroundApiOptions): PlaygroundApi {
  const { store, apiRoot } = options;
  const token = options.token ?? PLAYGROUND_TOKEN;
  const maxMemoryBytes = options.maxMemoryBytes ?? 32 * 1024 * 1024;
  const files = new Map<string, StoredFile>();
  let memoryBytes = 0;
  let nextBotFile = 1;
  let nextCallback = 1;
  let nextQuery = 1;
  const runId = Date.now().toString(36);
  // Payments the page plays: invoice payloads by chat and message, the bot's pre-checkout
  // answers by query id, and the charges made (what inquireTransaction answers). Memory only,
  // bounded by the message store's own limits in practice (one per invoice the bot sent).
  const payloads = new Map<string, string>();
  const answers = new Map<string, { ok: boolean; error?: string }>();
  const charges = new Map<string, number>();

  function forget(fileId: string): void {
    const f = files.get(fileId);
    if (f) memoryBytes -= f.bytes.length;
    files.delete(fileId);
  }

  function rememberFile(fileId: string, file: StoredFile): void {
    forget(fileId);
    files.set(fileId, file);
    memoryBytes += file.bytes.length;
    // The newest stays even when alone over the budget (the bot's upload has no other copy).
    while (memoryBytes > maxMemoryBytes && files.size > 1) forget(files.keys().next().value as string);
  }

  function chatIdOf(p: Payload): string {
    const id = p.chat_id;
    if (typeof id !== 'number' && typeof id !== 'string') throw new ApiError(400, 'Bad Request: chat_id is empty');
    return String(id);
  }

  function apiMessage(chatId: string, m: ChatMessage, extra: Payload): Payload {
    return {
      message_id: m.id,
      date: m.date,
      chat: { id: Number(chatId), type: 'private', first_name: 'User' },
      from: PLAYGROUND_BOT_INFO,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.caption !== undefined ? { caption: m.caption } : {}),
      ...extra,
    };
  }

  /** A file the bot sends: a file id it already knows, or an upload kept in memory. */
  function fileOf(chatId: string, value: unknown, fallbackType: string): { fileId: string; name: string } {
    if (typeof value === 'string') {
      store.allowFile(chatId, value);
      return { fileId: value, name: files.get(value)?.name ?? 'file' };
    }
    const upload = value as { filename?: string; contentType?: string; bytes?: Buffer } | undefined;
    if (!upload?.bytes) throw new ApiError(400, 'Bad Request: there is no file in the request');
    const fileId = `pgbot-${runId}-${nextBotFile++}`;
    const name = upload.filename || 'file';
    const mimeType = upload.contentType && upload.contentType !== 'application/octet-stream' ? upload.contentType : fallbackType;
    rememberFile(fileId, { bytes: upload.bytes, mimeType, name });
    store.allowFile(chatId, fileId);
    return { fileId, name };
  }

  function send(chatId: string, p: Payload, content: Omit<ChatMessage, 'id' | 'from' | 'date'>, extra: Payload = {}): Payload {
    const inline = inlineKeyboardOf(p.reply_markup);
    const m = store.add(chatId, {
      id: store.nextMessageId(),
      from: 'bot',
      date: Math.floor(Date.now() / 1000),
      ...content,
      ...(inline ? { inlineKeyboard: inline } : {}),
    });
    const reply = replyKeyboardOf(p.reply_markup);
    if (reply !== undefined) store.setReplyKeyboard(chatId, reply);
    return apiMessage(chatId, m, { ...extra, ...(inline ? { reply_markup: p.reply_markup } : {}) });
  }

  function edit(p: Payload, change: (m: ChatMessage) => ChatMessage): Payload {
    const chatId = chatIdOf(p);
    const messageId = Number(p.message_id);
    const inline = inlineKeyboardOf(p.reply_markup);
    const next = store.edit(chatId, messageId, (m) => {
      const changed = change(m);
      // As on Telegram: an edit without a keyboard drops the old one.
      const { inlineKeyboard: _dropped, ...rest } = changed;
      return inline ? { ...rest, inlineKeyboard: inline } : rest;
    });
    if (!next) throw new ApiError(400, 'Bad Request: message to edit not found');
    return apiMessage(chatId, next, inline ? { reply_markup: p.reply_markup } : {});
  }

  function photoSizes(fileId: string): Payload[] {
    return [{ file_id: fileId, file_unique_id: fileId, width: 800, height: 600 }];
  }

  function answer(method: string, p: Payload): unknown {
    switch (method) {
      case 'getMe':
        return PLAYGROUND_BOT_INFO;
      case 'sendMessage':
        return send(chatIdOf(p), p, { text: String(p.text ?? '') });
      case 'sendPhoto': {
        const chatId = chatIdOf(p);
        const f = fileOf(chatId, p.photo, 'image/jpeg');
        const caption = typeof p.caption === 'string' ? { caption: p.caption } : {};
        return send(chatId, p, { photo: { url: FILE_URL_PREFIX + f.fileId }, ...caption }, { photo: photoSizes(f.fileId) });
      }
      case 'sendDocument': {
        const chatId = chatIdOf(p);
        const f = fileOf(chatId, p.document, 'application/octet-stream');
        const caption = typeof p.caption === 'string' ? { caption: p.caption } : {};
        return send(chatId, p, { document: { url: FILE_URL_PREFIX + f.fileId, name: f.name }, ...caption }, {
          document: { file_id: f.fileId, file_unique_id: f.fileId, file_name: f.name },
        });
      }
      case 'editMessageText':
        return edit(p, (m) => ({ ...m, text: String(p.text ?? '') }));
      case 'editMessageCaption':
        return edit(p, (m) => ({ ...m, caption: String(p.caption ?? '') }));
      case 'editMessageReplyMarkup':
        return edit(p, (m) => m);
      case 'deleteMessage':
        store.remove(chatIdOf(p), Number(p.message_id));
        return true;
      case 'sendInvoice': {
        const chatId = chatIdOf(p);
        const prices = Array.isArray(p.prices) ? (p.prices as Payload[]) : [];
        const totalAmount = prices.reduce((s, x) => s + Number(x.amount ?? 0), 0);
        const invoice = { title: String(p.title ?? ''), description: String(p.description ?? ''), currency: String(p.currency ?? ''), totalAmount };
        const sent = send(chatId, p, { invoice: { ...invoice, status: 'open' } }, { invoice: { ...invoice, total_amount: totalAmount, start_parameter: '' } });
        payloads.set(`${chatId}:${String(sent.message_id)}`, String(p.payload ?? ''));
        return sent;
      }
      case 'answerPreCheckoutQuery': {
        const id = String(p.pre_checkout_query_id ?? '');
        answers.set(id, p.ok === true || p.ok === 'true' ? { ok: true } : { ok: false, error: String(p.error_message ?? '') });
        return true;
      }
      case 'inquireTransaction': {
        const id = String(p.transaction_id ?? '');
        const amount = charges.get(id);
        if (amount === undefined) throw new ApiError(400, 'Bad Request: transaction not found');
        return { id, status: 'paid', amount, userID: 0, createdAt: Math.floor(Date.now() / 1000) };
      }
      case 'answerCallbackQuery': {
        const chatId = /^cb(\d+)-/.exec(String(p.callback_query_id ?? ''))?.[1];
        if (chatId && typeof p.text === 'string' && p.text) store.emit(chatId, { type: 'toast', data: { text: p.text } });
        return true;
      }
      case 'sendChatAction':
        store.emit(chatIdOf(p), { type: 'typing', data: {} });
        return true;
      case 'getFile': {
        const fileId = String(p.file_id ?? '');
        if (!fileId) throw new ApiError(400, 'Bad Request: invalid file_id');
        const size = files.get(fileId)?.bytes.length;
        return { file_id: fileId, file_unique_id: fileId, ...(size !== undefined ? { file_size: size } : {}), file_path: `files/${fileId}` };
      }
      case 'getChat':
        return { id: Number(chatIdOf(p)), type: 'private', first_name: 'User' };
      default:
        return quietAnswer(method);
    }
  }

  async function download(path: string): Promise<Response> {
    const fileId = path.startsWith('files/') ? decodeURIComponent(path.slice('files/'.length)) : '';
    const f = files.get(fileId) ?? (fileId && options.loadFile ? await options.loadFile(fileId) : null);
    return f ? new Response(Buffer.from(f.bytes), { headers: { 'content-type': f.mimeType } }) : new Response('Not Found', { status: 404 });
  }

  const fetch = async (input: unknown, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof URL ? input.href : input);
    const filePrefix = `${apiRoot}/file/bot${token}/`;
    if (url.startsWith(filePrefix)) return download(url.slice(filePrefix.length));
    const prefix = `${apiRoot}/bot${token}/`;
    const json = (body: Payload, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (!url.startsWith(prefix)) return json({ ok: false, error_code: 401, description: 'Unauthorized' }, 401);
    const method = url.slice(prefix.length).split('?')[0] ?? '';
    try {
      const payload = await readApiPayload(init);
      return json({ ok: true, result: answer(method, payload) });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 400;
      return json({ ok: false, error_code: code, description: e instanceof Error ? e.message : 'Bad Request' }, code);
    }
  };

  return {
    fetch: fetch as unknown as NonNullable<ApiClientOptions['fetch']>,
    token,
    apiRoot,
    rememberFile,
    memoryFile: (fileId) => files.get(fileId),
    callbackId: (chatId) => `cb${chatId}-${runId}-${nextCallback++}`,
    invoicePayload: (chatId, messageId) => payloads.get(`${chatId}:${messageId}`),
    preCheckoutId: (chatId) => `pcq${chatId}-${runId}-${nextQuery++}`,
    preCheckoutAnswer: (queryId) => {
      const a = answers.get(queryId);
      answers.delete(queryId);
      return a;
    },
    recordCharge: (chargeId, amount) => charges.set(chargeId, amount),
  };
}
