/**
 * The playground plays the messenger's payment sheet: a demo donor of the demo center that
 * takes payments in the chat chooses "pay now", the invoice shows in the chat, "pay" sends
 * the bot the pre-checkout query and the payment, and the gift is confirmed by the payment
 * with its receipt arriving in the chat -- no account, no person involved. "Cancel" closes
 * the sheet and records nothing; a paid invoice cannot be paid again.
 */
import { expect, it } from 'vitest';
import { DEMO_PAYMENT_CARD, DEMO_PAYMENT_CENTER_ID } from '../../seed/demo/payments.ts';
import { usePlaygroundServer } from '../helpers/playground.ts';
import { chooseIdentity, lastBotText, post, pressLabel, say, stateOf, type PgState } from './client.ts';
import { persianDigits } from '../../messenger/digits.ts';

const playground = usePlaygroundServer();

const lastInvoice = (state: PgState) => state.messages.filter((m) => m.invoice).at(-1)!;

/** Report a payment → a direct gift of sadaqa → pay now → 50,000 Toman: the invoice on screen. */
async function invoiceOnScreen(cookie: string) {
  const app = playground.server.app;
  await say(app, cookie, '/menu');
  await pressLabel(app, cookie, 'گزارش پرداخت');
  const shown = await stateOf(app, cookie);
  // A demo donor with pledges is first asked what the payment is for.
  if (shown.messages.at(-1)?.inlineKeyboard?.flat().some((b) => b.text === 'کمک مستقیم، بدون تعهد')) await pressLabel(app, cookie, 'کمک مستقیم، بدون تعهد');
  await pressLabel(app, cookie, 'صدقه');
  await pressLabel(app, cookie, 'همین‌جا پرداخت می‌کنم');
  await say(app, cookie, '۵۰۰۰۰');
  return lastInvoice(await stateOf(app, cookie));
}

it('pays a gift on the played payment sheet and sees it confirmed with its receipt', { timeout: 240_000 }, async () => {
  const app = playground.server.app;
  const center = await playground.database.db.center.findUniqueOrThrow({ where: { id: DEMO_PAYMENT_CENTER_ID }, include: { paymentSetting: true } });
  expect(center.paymentSetting).toMatchObject({ cardNumber: DEMO_PAYMENT_CARD, enabled: true });
  const { state: first, cookie } = await chooseIdentity(app, { identity: 'demo-donor', centerCode: center.activityCode! });
  const account = await playground.database.db.chatAccount.findUniqueOrThrow({
    where: { platform_externalUserId: { platform: 'PLAYGROUND', externalUserId: first.chat!.id } },
  });
  const donor = await playground.database.db.donor.findFirstOrThrow({ where: { personId: account.personId! } });

  const invoice = await invoiceOnScreen(cookie);
  expect(invoice).toMatchObject({ from: 'bot', invoice: { title: 'کمک: صدقه', currency: 'IRR', totalAmount: 500_000, status: 'open' } });
  expect(invoice.invoice!.description).toContain(center.name);

  // Closing the sheet records nothing.
  const closed = await post(app, cookie, '/playground/api/invoice', { messageId: invoice.id, action: 'cancel' });
  expect(closed.json()).toEqual({ ok: true, paid: false });
  expect(lastInvoice(await stateOf(app, cookie)).invoice!.status).toBe('cancelled');
  expect((await post(app, cookie, '/playground/api/invoice', { messageId: invoice.id, action: 'pay' })).statusCode).toBe(409);

  const again = await invoiceOnScreen(cookie);
  const before = await playground.database.db.donation.count({ where: { donorId: donor.id } });
  const paid = await post(app, cookie, '/playground/api/invoice', { messageId: again.id, action: 'pay' });
  expect(paid.statusCode, paid.body).toBe(200);
  expect(paid.json()).toEqual({ ok: true, paid: true });

  const gift = await playground.database.db.donation.findFirstOrThrow({ where: { donorId: donor.id }, orderBy: { createdAt: 'desc' }, include: { chatPayment: true } });
  expect(await playground.database.db.donation.count({ where: { donorId: donor.id } })).toBe(before + 1);
  expect(gift).toMatchObject({ state: 'CONFIRMED', fund: 'SADAQA', amountRial: 500_000n, centerId: center.id, reportedViaChatAccountId: account.id });
  expect(gift.chatPayment).toMatchObject({ platform: 'PLAYGROUND', inquiry: 'PAID', outcome: 'CONFIRMED' });
  expect(lastInvoice(await stateOf(app, cookie)).invoice!.status).toBe('paid');
  // A paid invoice is not paid again.
  expect((await post(app, cookie, '/playground/api/invoice', { messageId: again.id, action: 'pay' })).statusCode).toBe(409);

  // The outbox sender brings the receipt to the chat.
  const receipt = persianDigits(String(gift.receiptNo));
  const deadline = Date.now() + 60_000;
  while (!(lastBotText(await stateOf(app, cookie)) ?? '').includes(`رسید شمارهٔ ${receipt}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(lastBotText(await stateOf(app, cookie))).toContain(`رسید شمارهٔ ${receipt}`);
});
