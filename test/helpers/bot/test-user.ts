/**
 * A person chatting with the bot in a test: sends text, contacts, photos and
 * button presses (a press fails if the button is not on screen), and reads
 * what the bot showed them.
 *
 *   const u = h.user({ id: 1001, firstName: 'علی', languageCode: 'fa' });
 *   await u.send('/start c_T-1');  await u.press('انتخاب مرکز');  u.lastText();
 */
import type { Bot } from 'grammy';
import type { Message, Update, User } from 'grammy/types';

type PrivateMessage = Update['message'] & {};
import type { BotContext } from '../../../bot/context.ts';
import type { ApiCall, FakeBotApi } from './fake-bot-api.ts';

export interface TestUserOptions {
  id: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** The client's language ('fa', 'en', …); decides a new user's language. */
  languageCode?: string;
}

export interface Deliverer {
  api: FakeBotApi;
  nextUpdateId(): number;
  deliver(update: Update, bot?: Bot<BotContext>): Promise<void>;
}

export interface TestUser {
  id: number;
  from: User;
  /** Sends a text message (commands get their bot_command entity). Returns the bot's calls for it. */
  send(text: string): Promise<ApiCall[]>;
  /** Presses a button by its label: inline keyboard of the latest message that has one, else the reply keyboard. */
  press(label: string): Promise<ApiCall[]>;
  /** Presses raw callback data on a given (possibly old) message: for out-of-date presses. */
  pressData(data: string, messageId?: number): Promise<ApiCall[]>;
  shareContact(phone: string, options?: { ownContact?: boolean }): Promise<ApiCall[]>;
  sendPhoto(options?: { caption?: string }): Promise<ApiCall[]>;
  /** Builders without delivering (dedupe and concurrency tests deliver them themselves). */
  messageUpdate(text: string): Update;
  pressUpdate(label: string): Update;
  /** Every text (message text or caption) the bot successfully sent or edited in this chat, in order. */
  texts(): string[];
  lastText(): string | undefined;
  /** Labels on screen: the latest inline keyboard's buttons, then the reply keyboard's. */
  buttons(): string[];
  /** Texts of callback answers to this user's presses (empty string when answered silently). */
  callbackAnswers(): string[];
  /** Id of the latest bot message in this chat that has an inline keyboard. */
  lastKeyboardMessageId(): number | undefined;
}

let callbackSeq = 1;
let userMessageSeq = 1;

export function createTestUser(h: Deliverer, options: TestUserOptions): TestUser {
  const from: User = {
    id: options.id,
    is_bot: false,
    first_name: options.firstName ?? 'Test',
    ...(options.lastName ? { last_name: options.lastName } : {}),
    ...(options.username ? { username: options.username } : {}),
    ...(options.languageCode ? { language_code: options.languageCode } : {}),
  };
  const chat = { id: options.id, type: 'private' as const, first_name: from.first_name };
  const myCallbackIds = new Set<string>();

  const baseMessage = (extra: Partial<Message>): PrivateMessage =>
    ({ message_id: userMessageSeq++, date: Math.floor(Date.now() / 1000), chat, from, ...extra }) as PrivateMessage;

  const isMine = (c: ApiCall) =>
    Number(c.payload.chat_id) === options.id || myCallbackIds.has(String(c.payload.callback_query_id ?? ''));

  async function run(update: Update): Promise<ApiCall[]> {
    const before = h.api.calls.length;
    await h.deliver(update);
    return h.api.calls.slice(before).filter(isMine);
  }

  function messageUpdate(text: string): Update {
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    return {
      update_id: h.nextUpdateId(),
      message: baseMessage({
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      }),
    };
  }

  function latestKeyboardMessage() {
    const screen = h.api.screens.get(options.id);
    if (!screen) return undefined;
    let best: { id: number; text?: string; buttons: { text: string; callback_data?: string }[] } | undefined;
    for (const [id, m] of screen.messages) {
      const buttons = (m.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data?: string }[];
      if (buttons.length && (!best || id > best.id)) best = { id, ...(m.text !== undefined ? { text: m.text } : {}), buttons };
    }
    return best;
  }

  function callbackUpdate(data: string, messageId: number): Update {
    const id = `cb-${options.id}-${callbackSeq++}`;
    myCallbackIds.add(id);
    const shown = h.api.screens.get(options.id)?.messages.get(messageId);
    return {
      update_id: h.nextUpdateId(),
      callback_query: {
        id,
        from,
        chat_instance: `ci-${options.id}`,
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: { id: 123456, is_bot: true, first_name: 'Bot' },
          text: shown?.text ?? '',
        } as Message,
      },
    };
  }

  function replyKeyboardLabels(): { text: string; request_contact?: boolean }[] {
    const kb = h.api.screens.get(options.id)?.replyKeyboard;
    return (kb?.keyboard ?? []).flat().map((b) => (typeof b === 'string' ? { text: b } : (b as { text: string; request_contact?: boolean })));
  }

  function pressUpdate(label: string): Update {
    const m = latestKeyboardMessage();
    const button = m?.buttons.find((b) => b.text === label);
    if (m && button?.callback_data !== undefined) return callbackUpdate(button.callback_data, m.id);
    const reply = replyKeyboardLabels().find((b) => b.text === label);
    if (reply && !reply.request_contact) return messageUpdate(label);
    if (reply?.request_contact) throw new Error(`"${label}" shares the contact: use shareContact()`);
    throw new Error(`no button "${label}" on screen; buttons: ${JSON.stringify(labels())}`);
  }

  function labels(): string[] {
    return [...(latestKeyboardMessage()?.buttons.map((b) => b.text) ?? []), ...replyKeyboardLabels().map((b) => b.text)];
  }

  function texts(): string[] {
    const out: string[] = [];
    for (const c of h.api.calls) {
      if (Number(c.payload.chat_id) !== options.id || !c.ok) continue;
      if (c.method === 'sendMessage' || c.method === 'editMessageText') out.push(String(c.payload.text));
      else if (typeof c.payload.caption === 'string') out.push(c.payload.caption);
    }
    return out;
  }

  return {
    id: options.id,
    from,
    send: (text) => run(messageUpdate(text)),
    press: (label) => run(pressUpdate(label)),
    pressData: (data, messageId) => {
      const id = messageId ?? latestKeyboardMessage()?.id;
      if (id === undefined) throw new Error('no message to press a button on');
      return run(callbackUpdate(data, id));
    },
    shareContact: (phone, opts = {}) =>
      run({
        update_id: h.nextUpdateId(),
        message: baseMessage({
          contact: {
            phone_number: phone,
            first_name: from.first_name,
            ...(opts.ownContact === false ? {} : { user_id: options.id }),
          },
        }),
      }),
    sendPhoto: (opts = {}) => {
      const f = h.api.addFile();
      return run({
        update_id: h.nextUpdateId(),
        message: baseMessage({
          photo: [
            { file_id: `${f.file_id}`, file_unique_id: f.file_unique_id, width: 90, height: 90, file_size: f.bytes.length },
            { file_id: f.file_id, file_unique_id: f.file_unique_id, width: 800, height: 600, file_size: f.bytes.length },
          ],
          ...(opts.caption ? { caption: opts.caption } : {}),
        }),
      });
    },
    messageUpdate,
    pressUpdate,
    texts,
    lastText: () => texts().at(-1),
    buttons: labels,
    callbackAnswers: () =>
      h.api.calls
        .filter((c) => c.ok && c.method === 'answerCallbackQuery' && myCallbackIds.has(String(c.payload.callback_query_id)))
        .map((c) => String(c.payload.text ?? '')),
    lastKeyboardMessageId: () => latestKeyboardMessage()?.id,
  };
}
