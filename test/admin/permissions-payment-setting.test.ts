/**
 * Payments in the chat are turned on for a center, with the card of its Sandogh account,
 * by the offices that recorded that account -- through the panel's own HTTP routes. County
 * staff and the province admin may (the button, the POST, the row, the audit); a trustee,
 * the finance officer included, may not (no button, refused, nothing written). The form
 * says beside the card field whose card it must be, and core's refusals (a wrong check
 * digit) come back as its translated sentence under the field.
 */
import { describe, expect, it } from 'vitest';
import { createCenter } from '../../fixtures/factories.ts';
import { enablePayments, newCardNumber } from '../../fixtures/payments.ts';
import { createCore } from '../../core/index.ts';
import { donorWithChat } from '../helpers/giving.ts';
import { api, refused, type RoleKey, usePanelWorld } from '../helpers/admin-world.ts';
import { persianDigits } from '../../messenger/digits.ts';
import { loginAs } from '../helpers/admin.ts';

const panel = usePanelWorld();

const as = (role: RoleKey) => api(panel.app, panel.world.logins[role]);
const settingOf = (centerId: string) => panel.database.db.paymentSetting.findUnique({ where: { centerId } });
const auditsOf = (entityId: string) => panel.database.db.auditLog.findMany({ where: { entityId }, select: { action: true } }).then((r) => r.map((a) => a.action));
const actionsOn = (body: { record?: { recordActions?: { name: string }[] } }) => (body.record?.recordActions ?? []).map((a) => a.name);

describe('setting payments in the chat for a center', () => {
  it.each(['COUNTY_STAFF', 'PROVINCE_ADMIN'] as const)('%s: the button shows, the card typed in Persian digits is recorded, audited', async (role) => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    expect(actionsOn((await as(role).get(`Center/records/${center.id}/show`)).body)).toContain('setPaymentSetting');
    const card = newCardNumber();
    const r = await as(role).post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: persianDigits(`${card.slice(0, 4)} ${card.slice(4, 8)}-${card.slice(8)}`) });
    expect(r.body.notice?.type, r.body.notice?.message).toBe('success');
    expect(await settingOf(center.id)).toMatchObject({ cardNumber: card, sandoghAccountNo: center.sandoghAccountNo, enabled: true });
    expect(await auditsOf(center.id)).toEqual(['payment.setting']);

    // Off again, keeping the card: nothing to retype.
    const off = await as(role).post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'OFF' });
    expect(off.body.notice?.type, off.body.notice?.message).toBe('success');
    expect(await settingOf(center.id)).toMatchObject({ cardNumber: card, enabled: false });
  });

  it.each(['FINANCE', 'CHAIR'] as const)('%s (a trustee): no button, the POST is refused and writes nothing', async (role) => {
    const id = panel.world.centers.home.id;
    expect(actionsOn((await as(role).get(`Center/records/${id}/show`)).body)).not.toContain('setPaymentSetting');
    const r = await as(role).post(`Center/records/${id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: newCardNumber() });
    expect(refused(r)).toBe(true);
    expect(await settingOf(id)).toBeNull();
    expect(await auditsOf(id)).not.toContain('payment.setting');
  });

  it("county staff cannot set another county's center (a forged id)", async () => {
    const id = panel.world.centers.elsewhere.id;
    expect(refused(await as('COUNTY_STAFF').post(`Center/records/${id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: newCardNumber() }))).toBe(true);
    expect(await settingOf(id)).toBeNull();
  });

  it('the form says whose card it must be; a wrong check digit is refused in words under the field, nothing written', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    const form = (await as('COUNTY_STAFF').get(`Center/records/${center.id}/setPaymentSetting`)).body.data?.form as {
      schema: { properties: Record<string, unknown> };
      ui: Record<string, { label: string; hint?: string; options?: { value: string; label: string }[] }>;
    };
    expect(Object.keys(form.schema.properties)).toEqual(['payInChat', 'cardNumber']);
    expect(form.ui.cardNumber?.label).toBe('شمارهٔ کارت حساب صندوق امداد ولایت');
    expect(form.ui.cardNumber?.hint).toContain('فقط کارت همان حساب صندوق امداد ولایت');
    expect(form.ui.payInChat?.options).toEqual([
      { value: 'ON', label: 'روشن' },
      { value: 'OFF', label: 'خاموش' },
    ]);

    const card = newCardNumber();
    const wrong = `${card.slice(0, 15)}${(Number(card[15]) + 1) % 10}`;
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: wrong });
    expect(r.body.notice).toMatchObject({ type: 'error', message: 'شمارهٔ کارت درست نیست: ۱۶ رقم کارت را بدون جاانداختن بنویسید (رقم کنترل آن نمی‌خواند).' });
    expect(r.body.data?.error).toMatchObject({ code: 'INVALID_CARD_NUMBER', field: 'cardNumber' });
    expect(await settingOf(center.id)).toBeNull();
    expect(await auditsOf(center.id)).toEqual([]);
  });

  it('a center without a Sandogh account has no button, and a forged POST writes nothing', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA, licenseState: 'APPLIED' });
    expect(actionsOn((await as('COUNTY_STAFF').get(`Center/records/${center.id}/show`)).body)).not.toContain('setPaymentSetting');
    const r = await as('COUNTY_STAFF').post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: newCardNumber() });
    expect(refused(r)).toBe(true);
    expect(await settingOf(center.id)).toBeNull();
  });
});

describe("the center's page says whether payments in the chat are on", () => {
  it('in Persian and in English, the card masked to its last four: not set, on, off until a new account\'s card, off', async () => {
    const db = panel.database.db;
    const center = await createCenter(db, { countyId: panel.world.countyA });
    const staff = panel.world.logins.COUNTY_STAFF;
    const english = await loginAs(panel.app, staff.user.username, staff.user.password, { lang: 'en' });
    const shown = async (cookie: string) => {
      const res = await panel.app.inject({ method: 'GET', url: `/admin/api/resources/Center/records/${center.id}/show`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return { line: (res.json() as { record: { params: Record<string, unknown> } }).record.params.paymentInChat, raw: res.body };
    };
    expect((await shown(staff.cookie)).line).toBe('ثبت نشده؛ اهداکنندگان کارت‌به‌کارت می‌کنند و رسید می‌فرستند');
    expect((await shown(english)).line).toBe('Not set: donors transfer card to card and send the receipt');

    const card = newCardNumber();
    const last4 = card.slice(-4);
    expect((await as('COUNTY_STAFF').post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'ON', cardNumber: card })).body.notice?.type).toBe('success');
    const fa = await shown(staff.cookie);
    expect(fa.line).toBe(`روشن: اهداکنندگان در پیام‌رسان «پرداخت» را می‌بینند؛ کارت \u2066**** **** **** ${persianDigits(last4)}\u2069`);
    const en = await shown(english);
    expect(en.line).toBe(`On: donors are offered "pay now" in the chat; card \u2066**** **** **** ${last4}\u2069`);
    // The whole number is on no page: nor its first twelve digits, in either script.
    for (const page of [fa.raw, en.raw]) {
      expect(page).not.toContain(card.slice(0, 12));
      expect(page).not.toContain(persianDigits(card.slice(0, 12)));
    }

    // The office records another Sandogh account: payments stop until its card is recorded.
    await db.center.update({ where: { id: center.id }, data: { sandoghAccountNo: '0109876543210' } });
    expect((await shown(english)).line).toBe(`Off until the card of the new Sandogh account is recorded (earlier card: \u2066**** **** **** ${last4}\u2069)`);
    await db.center.update({ where: { id: center.id }, data: { sandoghAccountNo: center.sandoghAccountNo } });
    expect((await as('COUNTY_STAFF').post(`Center/records/${center.id}/setPaymentSetting`, { payInChat: 'OFF' })).body.notice?.type).toBe('success');
    expect((await shown(staff.cookie)).line).toBe(`خاموش (کارت ثبت‌شده: \u2066**** **** **** ${persianDigits(last4)}\u2069)`);
  });
});

describe('a payment left for a person, in the review queue', () => {
  it('says it was paid twice in the chat, with the messenger\'s id: a refund to decide', async () => {
    const center = await createCenter(panel.database.db, { countyId: panel.world.countyA });
    await enablePayments(panel.database.db, center.id);
    const core = createCore({ db: panel.database.db });
    const donor = await donorWithChat(panel.database.db);
    const invoice = await core.payments.openPaymentRequest(donor, { centerId: center.id, fund: 'SADAQA', amountToman: 40_000 });
    const pay = (chargeId: string) =>
      core.payments.recordChatPayment({ kind: 'system', job: 'payment:BALE' }, { reference: invoice.reference, platform: 'BALE', chargeId, providerChargeId: `b-${chargeId}`, amountRial: 400_000n, inquiry: 'PAID' });
    await pay(`first-${invoice.reference}`);
    const twice = await pay(`second-${invoice.reference}`);
    expect(twice.outcome).toBe('ALREADY_PAID');
    const queue = (await as('COUNTY_STAFF').get(`Donation/actions/reviewQueue`)).body.data?.queue as { items: { id: string; paidInChat: string | null; traceNumber: string }[] };
    const item = queue.items.find((i) => i.id === twice.donationId)!;
    expect(item.paidInChat).toBe(`این مبلغ دوباره پرداخت شده است؛ دربارهٔ بازگرداندن آن یا ثبتش به‌عنوان کمک تصمیم بگیرید (second-${invoice.reference})`);
    expect(item.traceNumber).toBe(`b-second-${invoice.reference}`);
  });
});

