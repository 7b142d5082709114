/**
 * The playground's bot: the real grammY bot (createBot, platform PLAYGROUND)
 * talking to the in-process Bot API, and the user side of each chat — what
 * the page sends becomes a normal update, echoed into the chat and handed to
 * `bot.handleUpdate` (one chat's updates in order, update ids increasing
 * across restarts so the bot's dedupe never skips a new one).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Message, Update, User } from 'grammy/types';
import { createBot } from '../bot/index.ts';
import type { BotContext } from '../bot/context.ts';
import type { Clock } from '../core/context.ts';
import type { Core } from '../core/index.ts';
import type { Logger } from '../logger.ts';
import { botIdFromToken } from '../messenger/bot-id.ts';
import { platformConfig, type PlatformConfig } from '../messenger/platform.ts';
import type { Database } from '../prisma/client.ts';
import { createPlaygroundApi, PLAYGROUND_BOT_INFO, PLAYGROUND_TOKEN, type PlaygroundApi } from './fake-bot-api.ts';
import { createMessageStore, FILE_URL_PREFIX, type MessageStore, type ChatMessage } from './messages.ts';

export interface PlaygroundDeps {
  database: Database;
  core: Core;
  logger: Logger;
  clock?: Clock;
}

export interface Upload {
  bytes: Buffer;
  mimeType: string;
  name: string;
  caption?: string;
}

export interface Playground {
  bot: Bot<BotContext>;
  api: PlaygroundApi;
  store: MessageStore;
  platform: PlatformConfig;
  token: string;
  database: Database;
  core: Core;
  logger: Logger;
  /** A new chat id: 15 random digits. */
  newChatId(): string;
  sendText(chatId: string, text: string, language: string): Promise<void>;
  press(chatId: string, messageId: number, data: string, language: string): Promise<void>;
  shareContact(chatId: string, contact: { name: string; phone: string }, language: string): Promise<void>;
  /**
   * Plays the messenger's payment sheet for an invoice the bot sent: "pay" sends the bot the
   * pre-checkout query and, when it answers yes, the payment message (the charge is then
   * paid for the bot's inquiry); a no is shown as the sheet would show it. Resolves with the
   * outcome once the bot has handled both.
   */
  payInvoice(chatId: string, messageId: number, language: string): Promise<{ paid: boolean; error?: string }>;
  /** Closes the payment sheet without paying (the messenger tells the bot nothing). */
  cancelInvoice(chatId: string, messageId: number): void;
  /** Stores the file in PlaygroundFile first, then hands the bot a photo (image) or document (PDF). */
  sendFile(chatId: string, upload: Upload, language: string): Promise<void>;
  /** The bytes of a file this chat may see, or null. */
  file(chatId: string, fileId: string): Promise<{ bytes: Uint8Array; mimeType: string } | null>;
  /** Waits for the updates in flight (tests, shutdown). */
  idle(): Promise<void>;
}

export class PlaygroundInputError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status = 400) {
    super(code);
    this.code = code;
    this.status = status;
  }
}

const USER_NAME = 'Playground';

export function createPlayground(deps: PlaygroundDeps): Playground {
  const platform = platformConfig('PLAYGROUND');
  const store = createMessageStore();
  const db = deps.database.db;
  const api = createPlaygroundApi({
    store,
    apiRoot: platform.apiRoot,
    token: PLAYGROUND_TOKEN,
    loadFile: async (fileId) => {
      const row = await db.playgroundFile.findUnique({ where: { id: fileId }, select: { bytes: true, mimeType: true } });
      return row ? { bytes: row.bytes, mimeType: row.mimeType } : null;
    },
  });
  const logger = deps.logger.child({ component: 'playground' });
  const bot = createBot(
    PLAYGROUND_TOKEN,
    {
      database: deps.database,
      core: deps.core,
      logger,
      platform,
      botId: botIdFromToken(PLAYGROUND_TOKEN),
      ...(deps.clock ? { clock: deps.clock } : {}),
    },
    { client: { fetch: api.fetch }, botInfo: PLAYGROUND_BOT_INFO },
  );

  let lastUpdateId = 0;
  const nextUpdateId = () => (lastUpdateId = Math.max(lastUpdateId + 1, Date.now()));
  const queues = new Map<string, Promise<void>>();

  /** Runs the chat's updates one after another; resolves when this one has been handled. */
  function deliver(chatId: string, update: Update): Promise<void> {
    const previous = queues.get(chatId) ?? Promise.resolve();
    const run = previous.then(() =>
      bot.handleUpdate(update).catch((err: unknown) => logger.error({ err, updateId: update.update_id }, 'playground update failed')),
    );
    queues.set(chatId, run);
    void run.then(() => {
      if (queues.get(chatId) === run) queues.delete(chatId);
    });
    return run;
  }

  const userOf = (chatId: string, language: string): User => ({
    id: Number(chatId),
    is_bot: false,
    first_name: USER_NAME,
    language_code: language,
  });
  const chatOf = (chatId: string) => ({ id: Number(chatId), type: 'private' as const, first_name: USER_NAME });

  /** An open invoice the bot sent to this chat, or a refusal the page can show. */
  function openInvoice(chatId: string, messageId: number): ChatMessage & { invoice: NonNullable<ChatMessage['invoice']> } {
    const shown = store.find(chatId, messageId);
    if (!shown || shown.from !== 'bot' || !shown.invoice) throw new PlaygroundInputError('MESSAGE_NOT_FOUND', 404);
    if (shown.invoice.status !== 'open' || paying.has(`${chatId}:${messageId}`)) throw new PlaygroundInputError('INVOICE_NOT_OPEN', 409);
    return shown as ChatMessage & { invoice: NonNullable<ChatMessage['invoice']> };
  }
  const setInvoiceStatus = (chatId: string, messageId: number, status: 'paid' | 'cancelled') =>
    store.edit(chatId, messageId, (m) => (m.invoice ? { ...m, invoice: { ...m.invoice, status } } : m), { edited: false });
  /** Invoices whose payment is under way (a second press must not pay twice). */
  const paying = new Set<string>();

  function echo(chatId: string, content: Omit<ChatMessage, 'id' | 'from' | 'date'>): ChatMessage {
    return store.add(chatId, { id: store.nextMessageId(), from: 'user', date: Math.floor(Date.now() / 1000), ...content });
  }

  function messageUpdate(chatId: string, m: ChatMessage, language: string, body: Partial<Message>): Update {
    return {
      update_id: nextUpdateId(),
      message: { message_id: m.id, date: m.date, chat: chatOf(chatId), from: userOf(chatId, language), ...body } as Update['message'] & {},
    };
  }

  async function fileBytes(fileId: string): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
    const memory = api.memoryFile(fileId);
    if (memory) return memory;
    const row = await db.playgroundFile.findUnique({ where: { id: fileId }, select: { bytes: true, mimeType: true } });
    return row ? { bytes: row.bytes, mimeType: row.mimeType } : null;
  }

  return {
    bot,
    api,
    store,
    platform,
    token: PLAYGROUND_TOKEN,
    database: deps.database,
    core: deps.core,
    logger,
    newChatId: () => String(randomInt(100_000, 1_000_000)) + String(randomInt(0, 1_000_000_000)).padStart(9, '0'),

    async sendText(chatId, text, language) {
      const m = echo(chatId, { text });
      const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
      await deliver(
        chatId,
        messageUpdate(chatId, m, language, {
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        }),
      );
    },

    async press(chatId, messageId, data, language) {
      const shown = store.find(chatId, messageId);
      if (!shown || shown.from !== 'bot') throw new PlaygroundInputError('MESSAGE_NOT_FOUND', 404);
      const buttons = (shown.inlineKeyboard ?? []).flat();
      if (!buttons.some((b) => b.data === data)) throw new PlaygroundInputError('BUTTON_NOT_FOUND');
      const markup = {
        inline_keyboard: (shown.inlineKeyboard ?? []).map((row) =>
          row.map((b) => ({ text: b.text, ...(b.data !== undefined ? { callback_data: b.data } : {}), ...(b.url ? { url: b.url } : {}) })),
        ),
      };
      await deliver(chatId, {
        update_id: nextUpdateId(),
        callback_query: {
          id: api.callbackId(chatId),
          from: userOf(chatId, language),
          chat_instance: chatId,
          data,
          message: {
            message_id: shown.id,
            date: shown.date,
            chat: chatOf(chatId),
            from: PLAYGROUND_BOT_INFO,
            ...(shown.text !== undefined ? { text: shown.text } : {}),
            ...(shown.caption !== undefined ? { caption: shown.caption } : {}),
            reply_markup: markup,
          } as Message,
        },
      } as Update);
    },

    async shareContact(chatId, contact, language) {
      const m = echo(chatId, { contact });
      await deliver(
        chatId,
        messageUpdate(chatId, m, language, {
          contact: { phone_number: contact.phone, first_name: contact.name, user_id: Number(chatId) },
        }),
      );
    },

    async payInvoice(chatId, messageId, language) {
      const shown = openInvoice(chatId, messageId);
      const payload = api.invoicePayload(chatId, messageId);
      // After a restart the payload is gone with the memory: the invoice cannot be paid any more.
      if (!payload) throw new PlaygroundInputError('INVOICE_NOT_OPEN', 409);
      const key = `${chatId}:${messageId}`;
      paying.add(key);
      try {
        const queryId = api.preCheckoutId(chatId);
        const { currency, totalAmount } = shown.invoice;
        await deliver(chatId, {
          update_id: nextUpdateId(),
          pre_checkout_query: { id: queryId, from: userOf(chatId, language), currency, total_amount: totalAmount, invoice_payload: payload },
        });
        const answer = api.preCheckoutAnswer(queryId);
        if (!answer?.ok) return { paid: false, ...(answer?.error ? { error: answer.error } : {}) };
        const chargeId = `pgpay-${randomUUID()}`;
        api.recordCharge(chargeId, totalAmount);
        setInvoiceStatus(chatId, messageId, 'paid');
        await deliver(chatId, {
          update_id: nextUpdateId(),
          message: {
            message_id: store.nextMessageId(),
            date: Math.floor(Date.now() / 1000),
            chat: chatOf(chatId),
            from: userOf(chatId, language),
            successful_payment: {
              currency,
              total_amount: totalAmount,
              invoice_payload: payload,
              telegram_payment_charge_id: chargeId,
              provider_payment_charge_id: `pgbank-${chargeId.slice(6, 18)}`,
            },
          },
        } as Update);
        return { paid: true };
      } finally {
        paying.delete(key);
      }
    },

    cancelInvoice(chatId, messageId) {
      openInvoice(chatId, messageId);
      setInvoiceStatus(chatId, messageId, 'cancelled');
    },

    async sendFile(chatId, upload, language) {
      const fileId = `pg-${randomUUID()}`;
      // Written before the bot sees it: the bot's update must not wait for the database here.
      await db.playgroundFile.create({ data: { id: fileId, chatId, mimeType: upload.mimeType, bytes: new Uint8Array(upload.bytes) } });
      api.rememberFile(fileId, { bytes: upload.bytes, mimeType: upload.mimeType, name: upload.name });
      store.allowFile(chatId, fileId);
      const isImage = upload.mimeType.startsWith('image/');
      const caption = upload.caption ? { caption: upload.caption } : {};
      const url = FILE_URL_PREFIX + fileId;
      const m = echo(chatId, isImage ? { photo: { url }, ...caption } : { document: { url, name: upload.name }, ...caption });
      const media = isImage
        ? { photo: [{ file_id: fileId, file_unique_id: fileId, width: 1280, height: 960, file_size: upload.bytes.length }] }
        : { document: { file_id: fileId, file_unique_id: fileId, file_name: upload.name, mime_type: upload.mimeType, file_size: upload.bytes.length } };
      await deliver(chatId, messageUpdate(chatId, m, language, { ...media, ...caption } as Partial<Message>));
    },

    async file(chatId, fileId) {
      if (store.peek(chatId)?.files.has(fileId)) return fileBytes(fileId);
      // After a restart the chat's memory is gone; its own uploads are still its own.
      const row = await db.playgroundFile.findUnique({ where: { id: fileId }, select: { chatId: true, bytes: true, mimeType: true } });
      return row && row.chatId === chatId ? { bytes: row.bytes, mimeType: row.mimeType } : null;
    },

    async idle() {
      await Promise.all([...queues.values()]);
    },
  };
}
