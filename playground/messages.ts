/**
 * The playground's chats in memory: each chat's messages (bot and user, oldest
 * first, the last MAX_MESSAGES kept), its reply keyboard and the files it may
 * see, plus an event per change for the page's server-sent events. Bounded:
 * the least recently used chats are forgotten beyond MAX_CHATS (their records
 * stay in the database; only the on-screen history is lost, as on a restart).
 */
import { EventEmitter } from 'node:events';

export type Identity = 'new-donor' | 'demo-donor' | 'volunteer' | 'trustee';
export const IDENTITIES: readonly Identity[] = ['new-donor', 'demo-donor', 'volunteer', 'trustee'];

export interface ChatButton {
  text: string;
  data?: string;
  url?: string;
  copyText?: string;
}

/**
 * An invoice the bot sent (sendInvoice), as the page plays the messenger's payment sheet:
 * open until the visitor pays it (its pre-checkout query accepted) or closes the sheet.
 */
export interface ChatInvoice {
  title: string;
  description: string;
  currency: string;
  /** In the currency's smallest units (Rials here, as on Bale). */
  totalAmount: number;
  status: 'open' | 'paid' | 'cancelled';
}

export interface ChatMessage {
  id: number;
  from: 'bot' | 'user';
  /** Unix seconds. */
  date: number;
  text?: string;
  caption?: string;
  photo?: { url: string };
  document?: { url: string; name: string };
  contact?: { name: string; phone: string };
  invoice?: ChatInvoice;
  inlineKeyboard?: ChatButton[][];
  edited?: boolean;
}

export interface ChatReplyKeyboard {
  rows: { text: string; requestContact?: boolean }[][];
  oneTime: boolean;
  placeholder?: string;
}

export type ChatEvent =
  | { type: 'message'; data: ChatMessage }
  | { type: 'edit'; data: ChatMessage }
  | { type: 'delete'; data: { id: number } }
  | { type: 'keyboard'; data: { replyKeyboard: ChatReplyKeyboard | null } }
  | { type: 'toast'; data: { text: string } }
  | { type: 'typing'; data: Record<string, never> };

export interface ChatState {
  id: string;
  messages: ChatMessage[];
  replyKeyboard: ChatReplyKeyboard | null;
  /** File ids shown in this chat (its uploads and what the bot sent it): the only ones it may download. */
  files: Set<string>;
}

export const MAX_MESSAGES = 300;
export const MAX_CHATS = 2000;
export const FILE_URL_PREFIX = '/playground/api/files/';

export interface MessageStore {
  /** The chat (created empty when unknown; marks it recently used). */
  chat(chatId: string): ChatState;
  peek(chatId: string): ChatState | undefined;
  nextMessageId(): number;
  add(chatId: string, message: ChatMessage): ChatMessage;
  /** Changes a message; `edited: false` for a change the messenger itself makes (an invoice paid), not the bot's edit. */
  edit(chatId: string, messageId: number, change: (m: ChatMessage) => ChatMessage, options?: { edited?: boolean }): ChatMessage | null;
  remove(chatId: string, messageId: number): boolean;
  find(chatId: string, messageId: number): ChatMessage | undefined;
  setReplyKeyboard(chatId: string, keyboard: ChatReplyKeyboard | null): void;
  allowFile(chatId: string, fileId: string): void;
  emit(chatId: string, event: ChatEvent): void;
  /** Listens to one chat's events; returns the unsubscribe function. */
  subscribe(chatId: string, listener: (event: ChatEvent) => void): () => void;
}

export function createMessageStore(options: { maxMessages?: number; maxChats?: number } = {}): MessageStore {
  const maxMessages = options.maxMessages ?? MAX_MESSAGES;
  const maxChats = options.maxChats ?? MAX_CHATS;
  const chats = new Map<string, ChatState>();
  const events = new EventEmitter();
  // Every open page of every chat listens here.
  events.setMaxListeners(0);
  // Above the ids of earlier runs (roughly): a bot's stored conversation never meets a reused id.
  let nextId = Math.floor(Date.now() / 1000) - 1_700_000_000;

  function chat(chatId: string): ChatState {
    let c = chats.get(chatId);
    if (c) chats.delete(chatId);
    else c = { id: chatId, messages: [], replyKeyboard: null, files: new Set() };
    chats.set(chatId, c);
    while (chats.size > maxChats) chats.delete(chats.keys().next().value as string);
    return c;
  }

  const store: MessageStore = {
    chat,
    peek: (chatId) => chats.get(chatId),
    nextMessageId: () => nextId++,
    add(chatId, message) {
      const c = chat(chatId);
      c.messages.push(message);
      if (c.messages.length > maxMessages) c.messages.splice(0, c.messages.length - maxMessages);
      store.emit(chatId, { type: 'message', data: message });
      return message;
    },
    edit(chatId, messageId, change, options = {}) {
      const c = chats.get(chatId);
      const i = c?.messages.findIndex((m) => m.id === messageId) ?? -1;
      if (!c || i < 0) return null;
      const changed = change(c.messages[i]!);
      const next = options.edited === false ? changed : { ...changed, edited: true };
      c.messages[i] = next;
      store.emit(chatId, { type: 'edit', data: next });
      return next;
    },
    remove(chatId, messageId) {
      const c = chats.get(chatId);
      const i = c?.messages.findIndex((m) => m.id === messageId) ?? -1;
      if (!c || i < 0) return false;
      c.messages.splice(i, 1);
      store.emit(chatId, { type: 'delete', data: { id: messageId } });
      return true;
    },
    find: (chatId, messageId) => chats.get(chatId)?.messages.find((m) => m.id === messageId),
    setReplyKeyboard(chatId, keyboard) {
      chat(chatId).replyKeyboard = keyboard;
      store.emit(chatId, { type: 'keyboard', data: { replyKeyboard: keyboard } });
    },
    allowFile(chatId, fileId) {
      chat(chatId).files.add(fileId);
    },
    emit(chatId, event) {
      events.emit(chatId, event);
    },
    subscribe(chatId, listener) {
      events.on(chatId, listener);
      return () => events.off(chatId, listener);
    },
  };
  return store;
}
