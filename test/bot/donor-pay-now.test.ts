/**
 * Paying in the chat, end to end through the fake Bot API: a donor of a center that takes
 * payments chooses "pay now", gets an invoice naming the center's card, the payment
 * sheet's pre-checkout query is answered (refused when the invoice expired, its amount
 * changed, it was already paid or the center was suspended), and the payment message is
 * checked with the messenger's inquiry and booked by core: confirmed with its receipt,
 * once, however often the message comes; left REPORTED when the inquiry does not say paid;
 * the second of two payments for one installment left for a refund decision.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCenter } from '../../fixtures/factories.ts';
import { staffActor } from '../../fixtures/actors.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import { lastInvoice, paymentUpdate, preCheckout } from '../../fixtures/bot/payments.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import { enablePayments, newCardNumber } from '../../fixtures/payments.ts';
import { translator } from '../../messenger/i18n.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { deliverOutbox } from '../helpers/deliver-outbox.ts';
import { NOW } from '../helpers/giving.ts';
import { persianDigits } from '../../messenger/digits.ts';

const database = useTestDatabase();
const fa = translator('fa');
let now = NOW;
const clock = { now: () => now };

let center: Awaited<ReturnType<typeof createCenter>>;
let card: string;
let bale: BotHarness;

beforeAll(async () => {
  center = await createCenter(database.db, { name: 'مرکز نیکوکاری مسجد جامع' });
  card = newCardNumber();
  await enablePayments(database.db, center.id, card);
  bale = createBotHarness({ database, clock, platform: 'BALE' });
});

let nextUser = 8800;

/** A donor at `centerId` with a monthly pledge of 300,000 Toman in three installments (100,000 each). */
async function donorWithPledge(h: BotHarness, centerId = center.id) {
  now = NOW;
  const { u, donor } = await h.donorAt(centerId, { id: nextUser++, languageCode: 'fa' });
  await h.core.giving.createPledge(donor, { centerId, kind: 'CASH', fund: 'GENERAL', amountToman: 300_000, schedule: 'MONTHLY', installmentCount: 3 });
  return { u, donor };
}

/** Report a payment → pledge 1 → installment 1 → pay now → the suggested 100,000 Toman: the invoice. */
async function invoiceForFirstInstallment(u: TestUser, h: BotHarness) {
  await u.send('/menu');
  await u.press('گزارش پرداخت');
  await u.press('تعهد ۱: ۳۰۰٬۰۰۰ تومان');
  await u.press('قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان');
  expect(u.lastText()).toBe(fa('donor:payNow.askHow'));
  await u.press('همین‌جا پرداخت می‌کنم');
  expect(u.lastText()).toBe('چه مبلغی پرداخت می‌کنید؟ به تومان بنویسید یا دکمهٔ ۱۰۰٬۰۰۰ تومان را بزنید.');
  await u.press('۱۰۰٬۰۰۰ تومان');
  return lastInvoice(h, u)!;
}

const donationsOf = (donorId: string) => database.db.donation.findMany({ where: { donorId }, orderBy: { createdAt: 'asc' } });
const installment1 = (donorId: string) =>
  database.db.pledgeInstallment.findFirstOrThrow({ where: { pledge: { donorId }, seq: 1 } });
const outboxOf = async (h: BotHarness, u: TestUser) =>
  database.db.outboxMessage.findMany({ where: { chatAccountId: (await h.chatAccount(u)).id }, orderBy: { createdAt: 'asc' } });

describe('pay an installment in the chat on Bale', () => {
  it('sends an invoice in Rials to the center card, and the paid invoice is confirmed once however often its message comes', async () => {
    const { u, donor } = await donorWithPledge(bale);
    const invoice = await invoiceForFirstInstallment(u, bale);
    const request = await database.db.paymentRequest.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(invoice).toMatchObject({
      payload: request.reference,
      providerToken: card,
      currency: 'IRR',
      totalAmount: 1_000_000,
      title: 'قسط ۱ تعهد ۱',
    });
    expect(invoice.payload.length).toBeLessThanOrEqual(16);
    expect(invoice.description).toContain('مرکز نیکوکاری مسجد جامع');
    expect(invoice.description).toContain(`…${persianDigits(card.slice(-4))}`);
    expect(u.lastText()).toMatch(/^صورت‌حساب ۱۰۰٬۰۰۰ تومان را با دکمهٔ پرداخت آن بپردازید \(تا ۱۵ دقیقه\)/);

    expect(await preCheckout(bale, u, invoice)).toEqual({ ok: true });
    bale.api.transactions.set('tx-once', { status: 'paid', amount: 1_000_000 });
    const first = paymentUpdate(bale, u, invoice, { chargeId: 'tx-once' });
    const before = bale.api.calls.length;
    await bale.deliver(first);
    await bale.deliver(first); // the same update again: the bot's dedupe
    await bale.deliver(paymentUpdate(bale, u, invoice, { chargeId: 'tx-once' })); // the same payment in a new update
    const calls = bale.api.calls.slice(before);
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
    expect(calls.filter((c) => c.method === 'inquireTransaction').map((c) => c.payload)).toContainEqual({ transaction_id: 'tx-once' });

    const donations = await donationsOf(donor.donorId);
    expect(donations).toHaveLength(1);
    expect(donations[0]).toMatchObject({
      state: 'CONFIRMED',
      receiptNo: 1,
      amountRial: 1_000_000n,
      kind: 'CASH',
      fund: 'GENERAL',
      installmentId: (await installment1(donor.donorId)).id,
      traceNumber: 'bank-tx-once',
      sandoghAccountNo: center.sandoghAccountNo,
    });
    expect(await database.db.receiptCounter.findUniqueOrThrow({ where: { centerId: center.id } })).toMatchObject({ lastNo: 1 });
    expect(await installment1(donor.donorId)).toMatchObject({ state: 'PAID', paidAmountRial: 1_000_000n });
    expect(await database.db.chatPayment.findMany({ where: { donationId: donations[0]!.id } })).toEqual([
      expect.objectContaining({ platform: 'BALE', chargeId: 'tx-once', providerChargeId: 'bank-tx-once', inquiry: 'PAID', outcome: 'CONFIRMED' }),
    ]);
    expect((await database.db.paymentRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe('PAID');
    const audits = await database.db.auditLog.findMany({ where: { entityId: donations[0]!.id }, select: { action: true, actorType: true } });
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'payment.received', actorType: 'SYSTEM' },
        { action: 'donation.confirm', actorType: 'SYSTEM' },
      ]),
    );
    expect(audits).toHaveLength(2);

    expect((await outboxOf(bale, u)).map((m) => m.template)).toEqual(['donation.confirmed']);
    const sentBefore = bale.api.calls.length;
    await deliverOutbox(bale);
    const sent = bale.api.calls.slice(sentBefore).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === u.id);
    expect(sent.map((c) => c.payload.text)).toEqual([fa('notifications:donation.confirmed', { receiptNo: '۱' })]);
    expect(bale.api.rejected).toEqual([]);
  });

  it('answers the pre-checkout query no when the invoice expired, its amount changed or it was already paid', async () => {
    const { u, donor } = await donorWithPledge(bale);
    const stale = await invoiceForFirstInstallment(u, bale);
    now = new Date(NOW.getTime() + 16 * 60_000);
    expect(await preCheckout(bale, u, stale)).toEqual({ ok: false, error: fa('errors:PAYMENT_EXPIRED') });

    now = NOW;
    const changed = await invoiceForFirstInstallment(u, bale);
    expect(await preCheckout(bale, u, changed, { totalAmount: changed.totalAmount + 10 })).toEqual({ ok: false, error: fa('errors:PAYMENT_AMOUNT_CHANGED') });

    const paid = await invoiceForFirstInstallment(u, bale);
    const other = await invoiceForFirstInstallment(u, bale);
    expect(await preCheckout(bale, u, paid)).toEqual({ ok: true });
    bale.api.transactions.set('tx-paid', { status: 'paid', amount: 1_000_000 });
    await bale.deliver(paymentUpdate(bale, u, paid, { chargeId: 'tx-paid' }));
    // The same invoice again, and another invoice of the installment it paid.
    expect(await preCheckout(bale, u, paid)).toEqual({ ok: false, error: fa('errors:PAYMENT_ALREADY_PAID') });
    expect(await preCheckout(bale, u, other)).toEqual({ ok: false, error: fa('errors:PAYMENT_ALREADY_PAID') });
    expect((await donationsOf(donor.donorId)).map((d) => d.state)).toEqual(['CONFIRMED']);
  });

  it('answers no once the center is suspended', async () => {
    const suspended = await createCenter(database.db, { name: 'مرکز نیکوکاری مسجد الرضا' });
    await enablePayments(database.db, suspended.id);
    const { u } = await donorWithPledge(bale, suspended.id);
    const invoice = await invoiceForFirstInstallment(u, bale);
    const province = await staffActor(database.db, 'PROVINCE_ADMIN');
    await bale.core.centers.suspendLicense(province, { centerId: suspended.id, reason: 'گزارش بازرسی' });
    expect(await preCheckout(bale, u, invoice)).toEqual({ ok: false, error: fa('errors:CENTER_NOT_LICENSED') });
  });

  it("leaves the gift REPORTED, not CONFIRMED, when the messenger's inquiry says unpaid or cannot be made", async () => {
    const { u, donor } = await donorWithPledge(bale);
    const invoice = await invoiceForFirstInstallment(u, bale);
    expect(await preCheckout(bale, u, invoice)).toEqual({ ok: true });
    bale.api.transactions.set('tx-unpaid', { status: 'failed', amount: 1_000_000 });
    await bale.deliver(paymentUpdate(bale, u, invoice, { chargeId: 'tx-unpaid' }));

    const [reported] = await donationsOf(donor.donorId);
    expect(reported).toMatchObject({ state: 'REPORTED', receiptNo: null, amountRial: 1_000_000n, traceNumber: 'bank-tx-unpaid' });
    expect(await database.db.chatPayment.findUniqueOrThrow({ where: { donationId: reported!.id } })).toMatchObject({
      chargeId: 'tx-unpaid',
      inquiry: 'NOT_PAID',
      outcome: 'NOT_VERIFIED',
    });
    expect((await installment1(donor.donorId)).state).toBe('PENDING');
    expect((await outboxOf(bale, u)).map((m) => m.template)).toEqual(['payment.toReview']);

    // No answer from the messenger at all (an unknown transaction is a 400): the same, for a person to check.
    const second = await donorWithPledge(bale);
    const unchecked = await invoiceForFirstInstallment(second.u, bale);
    expect(await preCheckout(bale, second.u, unchecked)).toEqual({ ok: true });
    await bale.deliver(paymentUpdate(bale, second.u, unchecked, { chargeId: 'tx-nobody-knows' }));
    const [left] = await donationsOf(second.donor.donorId);
    expect(left).toMatchObject({ state: 'REPORTED', receiptNo: null });
    expect(await database.db.chatPayment.findUniqueOrThrow({ where: { donationId: left!.id } })).toMatchObject({ inquiry: 'UNAVAILABLE', outcome: 'NOT_VERIFIED' });
  });

  it('of two payments racing for one installment, one is confirmed and the other reported for a refund decision', async () => {
    const { u, donor } = await donorWithPledge(bale);
    const a = await invoiceForFirstInstallment(u, bale);
    const b = await invoiceForFirstInstallment(u, bale);
    expect(await preCheckout(bale, u, a)).toEqual({ ok: true });
    expect(await preCheckout(bale, u, b)).toEqual({ ok: true });
    bale.api.transactions.set('tx-race-a', { status: 'paid', amount: 1_000_000 });
    bale.api.transactions.set('tx-race-b', { status: 'paid', amount: 1_000_000 });
    const second = bale.spawn(); // another bot process takes the other message
    await Promise.all([
      bale.deliver(paymentUpdate(bale, u, a, { chargeId: 'tx-race-a' })),
      bale.deliver(paymentUpdate(bale, u, b, { chargeId: 'tx-race-b' }), second),
    ]);

    const donations = await donationsOf(donor.donorId);
    expect(donations.map((d) => d.state).sort()).toEqual(['CONFIRMED', 'REPORTED']);
    const confirmed = donations.find((d) => d.state === 'CONFIRMED')!;
    const refund = donations.find((d) => d.state === 'REPORTED')!;
    const inst = await installment1(donor.donorId);
    expect(confirmed).toMatchObject({ installmentId: inst.id, receiptNo: expect.any(Number) });
    expect(refund).toMatchObject({ installmentId: null, receiptNo: null, amountRial: 1_000_000n });
    expect(await database.db.chatPayment.findUniqueOrThrow({ where: { donationId: refund.id } })).toMatchObject({ outcome: 'ALREADY_PAID' });
    expect(inst).toMatchObject({ state: 'PAID', paidAmountRial: 1_000_000n });
    expect((await outboxOf(bale, u)).map((m) => m.template).sort()).toEqual(['donation.confirmed', 'payment.paidTwice']);
  });

  it('pays a one-time gift to a fund', async () => {
    now = NOW;
    const { u, donor } = await bale.donorAt(center.id, { id: nextUser++, languageCode: 'fa' });
    await u.press('گزارش پرداخت');
    await u.press(fa('donor:fund.SADAQA'));
    await u.press('همین‌جا پرداخت می‌کنم');
    expect(u.lastText()).toBe('چه مبلغی پرداخت می‌کنید؟ به تومان بنویسید.');
    await u.send('۵۰٬۰۰۰');
    const invoice = lastInvoice(bale, u)!;
    expect(invoice).toMatchObject({ title: 'کمک: صدقه', totalAmount: 500_000, providerToken: card });
    expect(await preCheckout(bale, u, invoice)).toEqual({ ok: true });
    bale.api.transactions.set('tx-gift', { status: 'paid', amount: 500_000 });
    await bale.deliver(paymentUpdate(bale, u, invoice, { chargeId: 'tx-gift' }));
    expect(await donationsOf(donor.donorId)).toEqual([
      expect.objectContaining({ state: 'CONFIRMED', fund: 'SADAQA', amountRial: 500_000n, pledgeId: null, installmentId: null }),
    ]);
  });

  it('refuses an invoice paid from another chat, and tells a donor whose payment no invoice matches to contact the center', async () => {
    const { u } = await donorWithPledge(bale);
    const invoice = await invoiceForFirstInstallment(u, bale);
    const stranger = bale.user({ id: nextUser++, languageCode: 'fa' });
    expect(await preCheckout(bale, stranger, invoice)).toEqual({ ok: false, error: fa('errors:FORBIDDEN') });

    const before = await database.db.donation.count();
    await bale.deliver(paymentUpdate(bale, u, { ...invoice, payload: 'no-such-invoice' }, { chargeId: 'tx-orphan' }));
    expect(u.lastText()).toBe(fa('donor:payNow.notBooked', { id: 'tx-orphan' }));
    expect(await database.db.donation.count()).toBe(before);
  });

  it('keeps card-to-card with a receipt photo for a donor who already transferred', async () => {
    const { u, donor } = await donorWithPledge(bale);
    await u.send('/menu');
    await u.press('گزارش پرداخت');
    await u.press('تعهد ۱: ۳۰۰٬۰۰۰ تومان');
    await u.press('قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان');
    await u.press('کارت‌به‌کارت کرده‌ام؛ رسید را می‌فرستم');
    expect(u.lastText()).toBe('مبلغ پرداختی را به تومان بنویسید یا اگر ۱۰۰٬۰۰۰ تومان پرداخت کرده‌اید دکمهٔ آن را بزنید.');
    expect(lastInvoice(bale, u)).toBeUndefined();
    expect(await database.db.paymentRequest.count({ where: { donorId: donor.donorId } })).toBe(0);
  });
});

describe('elsewhere', () => {
  it('a center without a payment setting asks only for the card-to-card report', async () => {
    const plain = await createCenter(database.db);
    const { u } = await donorWithPledge(bale, plain.id);
    await u.send('/menu');
    await u.press('گزارش پرداخت');
    await u.press('تعهد ۱: ۳۰۰٬۰۰۰ تومان');
    await u.press('قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان');
    expect(u.lastText()).toBe('مبلغ پرداختی را به تومان بنویسید یا اگر ۱۰۰٬۰۰۰ تومان پرداخت کرده‌اید دکمهٔ آن را بزنید.');
  });

  it('Telegram takes no payments without a provider token', async () => {
    const telegram = createBotHarness({ database, clock, platform: 'TELEGRAM' });
    const { u } = await donorWithPledge(telegram);
    await u.send('/menu');
    await u.press('گزارش پرداخت');
    await u.press('تعهد ۱: ۳۰۰٬۰۰۰ تومان');
    await u.press('قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان');
    expect(u.lastText()).toBe('مبلغ پرداختی را به تومان بنویسید یا اگر ۱۰۰٬۰۰۰ تومان پرداخت کرده‌اید دکمهٔ آن را بزنید.');
  });

  it('with a provider token, Telegram invoices in IRR with two decimals and confirms without an inquiry', async () => {
    const telegram = createBotHarness({ database, clock, platform: 'TELEGRAM', paymentProviderToken: 'PROVIDER:TEST' });
    const { u, donor } = await donorWithPledge(telegram);
    const invoice = await invoiceForFirstInstallment(u, telegram);
    expect(invoice).toMatchObject({ providerToken: 'PROVIDER:TEST', currency: 'IRR', totalAmount: 100_000_000 });
    expect(await preCheckout(telegram, u, invoice)).toEqual({ ok: true });
    await telegram.deliver(paymentUpdate(telegram, u, invoice, { chargeId: 'tg-charge-1' }));
    expect(await donationsOf(donor.donorId)).toEqual([expect.objectContaining({ state: 'CONFIRMED', amountRial: 1_000_000n })]);
    expect(telegram.api.calls.map((c) => c.method)).not.toContain('inquireTransaction');
    expect(await database.db.chatPayment.findFirstOrThrow({ where: { chargeId: 'tg-charge-1' } })).toMatchObject({ platform: 'TELEGRAM', inquiry: 'NOT_OFFERED' });
  });
});
