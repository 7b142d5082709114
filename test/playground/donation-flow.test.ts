/**
 * A playground donor pledges and reports the payment with a receipt photo,
 * all through the page's API: the Donation is real, its receiptFileId is a
 * PlaygroundFile of this chat, and when the center confirms it (core, as the
 * panel does), the outbox sender delivers the confirmation with its receipt
 * number to the chat: in its state and as a server-sent event.
 */
import { expect, it } from 'vitest';
import { digits } from '../../messenger/format.ts';
import { trusteeActor } from '../../fixtures/actors.ts';
import { usePlaygroundServer } from '../helpers/playground.ts';
import { chooseIdentity, lastBotText, PNG_BYTES, pressLabel, say, stateOf, uploadPhoto, type PgState } from './client.ts';

const playground = usePlaygroundServer();

/** Reads the chat's event stream until an event satisfies `done`. */
async function waitForEvent(cookie: string, done: (type: string, data: unknown) => boolean, ms = 60_000): Promise<{ type: string; data: unknown }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const res = await fetch(`${playground.server.url}/playground/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (type && data && done(type, JSON.parse(data))) return { type, data: JSON.parse(data) };
      }
    }
    throw new Error('the event stream ended');
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

it('pledges, reports the payment with a photo, and sees the confirmation with its receipt number arrive', { timeout: 240_000 }, async () => {
  const app = playground.server.app;
  const centers = ((await app.inject({ method: 'GET', url: '/playground/api/state' })).json() as PgState).centers;
  const center = centers[0]!;
  const { state: first, cookie } = await chooseIdentity(app, { identity: 'demo-donor', centerCode: center.code });
  const chatId = first.chat!.id;
  const account = await playground.database.db.chatAccount.findUniqueOrThrow({
    where: { platform_externalUserId: { platform: 'PLAYGROUND', externalUserId: chatId } },
  });
  expect(account.platform).toBe('PLAYGROUND');
  const donor = await playground.database.db.donor.findFirstOrThrow({ where: { personId: account.personId! } });

  // The pledge: 3 monthly installments of 100,000 Toman.
  const before = new Date(Date.now() - 1000);
  await say(app, cookie, '/menu');
  await pressLabel(app, cookie, 'ثبت تعهد کمک');
  await pressLabel(app, cookie, 'نقدی');
  await pressLabel(app, cookie, 'کمک عمومی');
  await pressLabel(app, cookie, 'ماهانه');
  await pressLabel(app, cookie, '۳ ماه');
  await say(app, cookie, '۱۰۰۰۰۰');
  await pressLabel(app, cookie, 'ناشناس بمانم');
  await pressLabel(app, cookie, 'تأیید و ثبت');
  const pledge = await playground.database.db.pledge.findFirstOrThrow({ where: { donorId: donor.id, createdAt: { gte: before } } });
  expect(pledge.amountRial).toBe(3_000_000n);

  // The payment of its first installment, with the receipt photo.
  await say(app, cookie, '/menu');
  await pressLabel(app, cookie, 'گزارش پرداخت');
  // The bot numbers a donor's pledges from the oldest: the new one is the last.
  const no = await playground.database.db.pledge.count({ where: { donorId: donor.id } });
  await pressLabel(app, cookie, new RegExp(`^تعهد ${digits(no, 'fa')}:`));
  await pressLabel(app, cookie, /^قسط ۱،/);
  await pressLabel(app, cookie, '۱۰۰٬۰۰۰ تومان');
  await pressLabel(app, cookie, 'امروز');
  await say(app, cookie, '۱۲۳۴۵۶۷۸۹');
  await say(app, cookie, '۶۰۳۷');
  const upload = await uploadPhoto(app, cookie, { caption: 'رسید' });
  expect(upload.statusCode, upload.body).toBe(200);
  const afterPhoto = await stateOf(app, cookie);
  const echoed = afterPhoto.messages.filter((m) => m.from === 'user').at(-1)!;
  expect(echoed).toMatchObject({ caption: 'رسید', photo: { url: expect.stringMatching(/^\/playground\/api\/files\/pg-/) } });
  expect(lastBotText(afterPhoto)).toContain('عکس رسید: پیوست شد');
  await pressLabel(app, cookie, 'تأیید و ثبت');
  expect(lastBotText(await stateOf(app, cookie))).toMatch(/^گزارش پرداخت شما ثبت شد\./);

  // The Donation points at the stored file, which this chat can download.
  const donation = await playground.database.db.donation.findFirstOrThrow({ where: { donorId: donor.id, pledgeId: pledge.id } });
  expect(donation).toMatchObject({ state: 'REPORTED', amountRial: 1_000_000n, traceNumber: '123456789', reportedViaChatAccountId: account.id });
  const file = await playground.database.db.playgroundFile.findUniqueOrThrow({ where: { id: donation.receiptFileId! } });
  expect(file).toMatchObject({ chatId, mimeType: 'image/png' });
  expect(Buffer.from(file.bytes).equals(PNG_BYTES)).toBe(true);
  const download = await app.inject({ method: 'GET', url: echoed.photo!.url, headers: { cookie } });
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toBe('image/png');
  expect(download.rawPayload.equals(PNG_BYTES)).toBe(true);

  // The center confirms it; the outbox sender brings the receipt number to the page.
  const event = waitForEvent(cookie, (type, data) => type === 'message' && /رسید/.test((data as { text?: string }).text ?? '') && (data as { from: string }).from === 'bot');
  await new Promise((r) => setTimeout(r, 200)); // the stream is open before the confirmation is queued
  const finance = await trusteeActor(playground.database.db, donation.centerId, 'ADMIN_FINANCE');
  await playground.server.core.giving.confirmDonation(finance, { donationId: donation.id });
  const confirmed = await playground.database.db.donation.findUniqueOrThrow({ where: { id: donation.id } });
  expect(confirmed.receiptNo).toBeTruthy();
  const arrived = (await event).data as { text: string };
  expect(arrived.text).toContain(digits(confirmed.receiptNo!, 'fa'));
  expect(lastBotText(await stateOf(app, cookie))).toBe(arrived.text);
  const sent = await playground.database.db.outboxMessage.findFirstOrThrow({ where: { chatAccountId: account.id, template: 'donation.confirmed' } });
  expect(sent.status).toBe('SENT');
});
