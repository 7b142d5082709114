/**
 * The playground's in-process Bot API, called through grammY as the bot calls
 * it: messages, edits, deletions, reply keyboards and callback answers land in
 * the chat's memory and its event stream; a file the bot uploads is kept in
 * memory and downloadable; unknown addresses are refused.
 */
import { Api, InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createPlaygroundApi, PLAYGROUND_TOKEN } from '../../playground/fake-bot-api.ts';
import { createMessageStore, type ChatEvent as PgEvent } from '../../playground/messages.ts';

const ROOT = 'http://playground.invalid';

function setup() {
  const store = createMessageStore({ maxMessages: 5 });
  const pg = createPlaygroundApi({ store, apiRoot: ROOT });
  const api = new Api(PLAYGROUND_TOKEN, { apiRoot: ROOT, fetch: pg.fetch });
  const events: PgEvent[] = [];
  store.subscribe('100000000000001', (e) => events.push(e));
  return { store, pg, api, events };
}

describe('playground Bot API', () => {
  it('keeps messages, reflects edits (dropping a keyboard not sent again) and deletions, with events', async () => {
    const { store, api, events } = setup();
    const chat = 100000000000001;
    const sent = await api.sendMessage(chat, 'سلام', { reply_markup: { inline_keyboard: [[{ text: 'بله', callback_data: 'yes' }, { text: 'سایت', url: 'https://example.org' }]] } });
    expect(store.chat(String(chat)).messages).toEqual([
      { id: sent.message_id, from: 'bot', date: sent.date, text: 'سلام', inlineKeyboard: [[{ text: 'بله', data: 'yes' }, { text: 'سایت', url: 'https://example.org' }]] },
    ]);
    await api.editMessageText(chat, sent.message_id, 'سلام دوباره');
    expect(store.find(String(chat), sent.message_id)).toMatchObject({ text: 'سلام دوباره', edited: true });
    expect(store.find(String(chat), sent.message_id)?.inlineKeyboard).toBeUndefined();
    await api.deleteMessage(chat, sent.message_id);
    expect(store.chat(String(chat)).messages).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['message', 'edit', 'delete']);
    await expect(api.editMessageText(chat, 424242, 'x')).rejects.toThrow(/message to edit not found/);
  });

  it('sets and removes the reply keyboard, and keeps it when a message has none', async () => {
    const { store, api } = setup();
    const chat = 100000000000001;
    await api.sendMessage(chat, 'شماره؟', {
      reply_markup: { keyboard: [[{ text: 'ارسال شماره', request_contact: true }], [{ text: 'انصراف' }]], one_time_keyboard: true, resize_keyboard: true, input_field_placeholder: '۰۹۱۲…' },
    });
    const keyboard = { rows: [[{ text: 'ارسال شماره', requestContact: true }], [{ text: 'انصراف' }]], oneTime: true, placeholder: '۰۹۱۲…' };
    expect(store.chat(String(chat)).replyKeyboard).toEqual(keyboard);
    await api.sendMessage(chat, 'متن');
    expect(store.chat(String(chat)).replyKeyboard).toEqual(keyboard);
    await api.sendMessage(chat, 'تمام', { reply_markup: { remove_keyboard: true } });
    expect(store.chat(String(chat)).replyKeyboard).toBeNull();
  });

  it("turns a callback answer's text into a toast of the pressing chat", async () => {
    const { pg, api, events } = setup();
    await api.answerCallbackQuery(pg.callbackId('100000000000001'), { text: 'ثبت شد' });
    await api.answerCallbackQuery(pg.callbackId('100000000000001'));
    expect(events).toEqual([{ type: 'toast', data: { text: 'ثبت شد' } }]);
  });

  it('keeps a photo the bot uploads in memory, lets that chat see it, and serves getFile and the download', async () => {
    const { store, pg, api } = setup();
    const chat = 100000000000001;
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
    const m = await api.sendPhoto(chat, new InputFile(bytes, 'chart.png'), { caption: 'نمودار' });
    const fileId = m.photo!.at(-1)!.file_id;
    expect(store.chat(String(chat)).messages.at(-1)).toMatchObject({ caption: 'نمودار', photo: { url: `/playground/api/files/${fileId}` } });
    expect(store.chat(String(chat)).files.has(fileId)).toBe(true);
    expect(Buffer.from(pg.memoryFile(fileId)!.bytes)).toEqual(Buffer.from(bytes));
    const file = await api.getFile(fileId);
    const res = await pg.fetch(`${ROOT}/file/bot${PLAYGROUND_TOKEN}/${file.file_path}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(bytes));
    // A photo sent again by its id (a receipt shown to a trustee) becomes visible to that chat.
    await api.sendPhoto(100000000000002, fileId);
    expect(store.chat('100000000000002').files.has(fileId)).toBe(true);
  });

  it('keeps the last messages of a chat only, and refuses another token', async () => {
    const { store, api, pg } = setup();
    for (let i = 0; i < 8; i++) await api.sendMessage(100000000000001, `پیام ${i}`);
    expect(store.chat('100000000000001').messages.map((m) => m.text)).toEqual(['پیام 3', 'پیام 4', 'پیام 5', 'پیام 6', 'پیام 7']);
    const res = await pg.fetch(`${ROOT}/bot1:other/sendMessage`, { method: 'POST', body: '{"chat_id":1,"text":"x"}' });
    expect(res.status).toBe(401);
  });
});
