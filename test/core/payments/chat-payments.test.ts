/**
 * Payments in the chat in core, without the bot: who may set a center's card and what a
 * card must be; who may open an invoice; and payments booked in truly concurrent
 * transactions (on PostgreSQL) -- two payments of one installment give one confirmed gift
 * and one left for a refund decision, the same payment twice gives one gift.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '../../../core/actor.ts';
import { createCore, type Core } from '../../../core/index.ts';
import { trusteeActor } from '../../../fixtures/actors.ts';
import { createCenter } from '../../../fixtures/factories.ts';
import { newCardNumber } from '../../../fixtures/payments.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { fakeClock, givingWorld } from '../../helpers/giving.ts';

const database = useTestDatabase();
let core: Core;
let w: Awaited<ReturnType<typeof givingWorld>>;
const BALE: SystemActor = { kind: 'system', job: 'payment:BALE' };
const code = (c: string, field?: string) => expect.objectContaining({ code: c, ...(field ? { params: expect.objectContaining({ field }) } : {}) });

beforeAll(async () => {
  core = createCore({ db: database.db, clock: fakeClock });
  w = await givingWorld(database.db);
});

describe("a center's payment setting", () => {
  it('only the offices that record the Sandogh account set it; the card must pass its check digit', async () => {
    const card = newCardNumber();
    await expect(core.payments.setPaymentSetting(w.finance, { centerId: w.center.id, payInChat: 'ON', cardNumber: card })).rejects.toEqual(code('FORBIDDEN'));
    const wrong = `${card.slice(0, 15)}${(Number(card[15]) + 1) % 10}`;
    await expect(core.payments.setPaymentSetting(w.staff, { centerId: w.center.id, payInChat: 'ON', cardNumber: wrong })).rejects.toEqual(code('INVALID_CARD_NUMBER', 'cardNumber'));
    await expect(core.payments.setPaymentSetting(w.staff, { centerId: w.center.id, payInChat: 'ON' })).rejects.toEqual(code('REQUIRED', 'cardNumber'));
    expect(await core.payments.getPaymentOption(w.staff, { centerId: w.center.id })).toEqual({ payInChat: false });
    await core.payments.setPaymentSetting(w.staff, { centerId: w.center.id, payInChat: 'ON', cardNumber: card });
    expect(await core.payments.getPaymentOption(w.staff, { centerId: w.center.id })).toEqual({ payInChat: true });
  });

  it('a center without a Sandogh account has nothing to pay into', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id, licenseState: 'APPLIED' });
    await expect(core.payments.setPaymentSetting(w.staff, { centerId: center.id, payInChat: 'ON', cardNumber: newCardNumber() })).rejects.toEqual(code('CENTER_HAS_NO_SANDOGH_ACCOUNT'));
  });

  it('a new Sandogh account turns payments off until its own card is recorded', async () => {
    const center = await createCenter(database.db, { countyId: w.county.id });
    await core.payments.setPaymentSetting(w.staff, { centerId: center.id, payInChat: 'ON', cardNumber: newCardNumber() });
    await core.centers.recordCenterAccount(w.staff, { centerId: center.id, sandoghAccountNo: '7700112233' });
    expect(await core.payments.getPaymentOption(w.staff, { centerId: center.id })).toEqual({ payInChat: false });
    await expect(core.payments.setPaymentSetting(w.staff, { centerId: center.id, payInChat: 'ON' })).rejects.toEqual(code('REQUIRED', 'cardNumber'));
    const next = await core.payments.setPaymentSetting(w.staff, { centerId: center.id, payInChat: 'ON', cardNumber: newCardNumber() });
    expect(next).toMatchObject({ sandoghAccountNo: '7700112233', enabled: true });
    expect(await core.payments.getPaymentOption(w.staff, { centerId: center.id })).toEqual({ payInChat: true });
  });
});

describe('invoices and payments', () => {
  let center: Awaited<ReturnType<typeof createCenter>>;
  beforeAll(async () => {
    center = await createCenter(database.db, { countyId: w.county.id });
    await core.payments.setPaymentSetting(w.staff, { centerId: center.id, payInChat: 'ON', cardNumber: newCardNumber() });
  });

  const pledgeOf = () =>
    core.giving.createPledge(w.donor, { centerId: center.id, kind: 'CASH', amountToman: 200_000, schedule: 'MONTHLY', installmentCount: 2 });

  it('only a donor in their own chat opens one, for their own pledge, at a center that takes payments', async () => {
    const pledge = await pledgeOf();
    const finance = await trusteeActor(database.db, center.id, 'ADMIN_FINANCE');
    await expect(core.payments.openPaymentRequest(finance, { centerId: center.id, fund: 'GENERAL', amountToman: 10_000 })).rejects.toEqual(code('FORBIDDEN'));
    await expect(core.payments.openPaymentRequest({ ...w.donor, chatAccountId: null }, { centerId: center.id, fund: 'GENERAL', amountToman: 10_000 })).rejects.toEqual(code('FORBIDDEN'));
    const other = await givingWorld(database.db);
    await expect(core.payments.openPaymentRequest(other.donor, { centerId: center.id, pledgeId: pledge.id, amountToman: 100_000 })).rejects.toEqual(code('PLEDGE_NOT_OF_DONOR'));
    const withoutSetting = await createCenter(database.db, { countyId: w.county.id });
    await expect(core.payments.openPaymentRequest(w.donor, { centerId: withoutSetting.id, fund: 'GENERAL', amountToman: 10_000 })).rejects.toEqual(code('PAYMENT_NOT_OFFERED'));
    const invoice = await core.payments.openPaymentRequest(w.donor, { centerId: center.id, pledgeId: pledge.id, amountToman: 100_000 });
    expect(invoice).toMatchObject({ amountRial: 1_000_000n, installmentSeq: 1, fund: 'GENERAL' });
    expect(invoice.expiresAt.getTime() - fakeClock.now().getTime()).toBe(15 * 60_000);
  });

  it('two payments of one installment in concurrent transactions: one confirmed, one left for a refund decision', async () => {
    const pledge = await pledgeOf();
    const open = () => core.payments.openPaymentRequest(w.donor, { centerId: center.id, pledgeId: pledge.id, amountToman: 100_000 });
    const [a, b] = [await open(), await open()];
    const pay = (reference: string, chargeId: string) =>
      core.payments.recordChatPayment(BALE, { reference, platform: 'BALE', chargeId, providerChargeId: `bank-${chargeId}`, amountRial: 1_000_000n, inquiry: 'PAID' });
    const results = await Promise.all([pay(a.reference, `race-a-${pledge.id}`), pay(b.reference, `race-b-${pledge.id}`)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['ALREADY_PAID', 'CONFIRMED']);
    const inst = await database.db.pledgeInstallment.findFirstOrThrow({ where: { pledgeId: pledge.id, seq: 1 } });
    expect(inst).toMatchObject({ state: 'PAID', paidAmountRial: 1_000_000n });
    const gifts = await database.db.donation.findMany({ where: { pledgeId: pledge.id } });
    expect(gifts.map((g) => g.state).sort()).toEqual(['CONFIRMED', 'REPORTED']);
  });

  it('the same payment booked twice at once is one gift; the second call is told it was seen', async () => {
    const invoice = await core.payments.openPaymentRequest(w.donor, { centerId: center.id, fund: 'ZAKAT', amountToman: 20_000 });
    const pay = () =>
      core.payments.recordChatPayment(BALE, { reference: invoice.reference, platform: 'BALE', chargeId: `twice-${invoice.reference}`, providerChargeId: 'b', amountRial: 200_000n, inquiry: 'PAID' });
    const results = await Promise.all([pay(), pay()]);
    expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.donationId)).size).toBe(1);
    expect(await database.db.donation.count({ where: { idempotencyKey: `chat-payment:BALE:twice-${invoice.reference}` } })).toBe(1);
  });

  it('a payment of another amount than invoiced is left for a person', async () => {
    const invoice = await core.payments.openPaymentRequest(w.donor, { centerId: center.id, fund: 'SADAQA', amountToman: 30_000 });
    const r = await core.payments.recordChatPayment(BALE, { reference: invoice.reference, platform: 'BALE', chargeId: `other-${invoice.reference}`, providerChargeId: 'b', amountRial: 310_000n, inquiry: 'PAID' });
    expect(r).toMatchObject({ outcome: 'AMOUNT_DIFFERS', receiptNo: null });
    expect(await database.db.donation.findUniqueOrThrow({ where: { id: r.donationId } })).toMatchObject({ state: 'REPORTED', amountRial: 310_000n });
  });

  it('only the messenger (a system actor) or the offices book a payment', async () => {
    const invoice = await core.payments.openPaymentRequest(w.donor, { centerId: center.id, fund: 'SADAQA', amountToman: 30_000 });
    await expect(
      core.payments.recordChatPayment(w.donor, { reference: invoice.reference, platform: 'BALE', chargeId: `donor-${invoice.reference}`, providerChargeId: 'b', amountRial: 300_000n, inquiry: 'PAID' }),
    ).rejects.toEqual(code('FORBIDDEN'));
    expect(await database.db.chatPayment.count({ where: { chargeId: `donor-${invoice.reference}` } })).toBe(0);
  });
});
