/**
 * Reporting a payment through the bot: against a pledge installment with the
 * receipt photo (Persian), as a direct gift with a typed Jalali date (English,
 * and on Bale). It stays REPORTED until the center confirms or rejects it in
 * core; the donor's chat then has the outbox message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfJalaliDay } from '../../core/jalali.ts';
import { createDonation, createPledge } from '../../fixtures/factories.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { staffActor, trusteeActor } from '../../fixtures/actors.ts';
import { NOW, fakeClock } from '../helpers/giving.ts';
import { createBotHarness, type BotHarness } from '../../fixtures/bot/harness.ts';
import type { TestUser } from '../../fixtures/bot/test-user.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد جامع' }, fakeClock)));

let nextId = 5500;
const donorUser = (harness: BotHarness, languageCode: 'fa' | 'en') => harness.donorAt(center.id, { id: nextId++, firstName: 'Test', languageCode });

const outboxOf = async (u: TestUser) => database.db.outboxMessage.findMany({ where: { chatAccountId: (await h.chatAccount(u)).id } });

describe('report a payment in Persian', () => {
  it('pledges, reports installment 1 with the receipt photo, and gets the receipt number once confirmed', async () => {
    const { u, donor } = await donorUser(h, 'fa');
    await u.press('ثبت تعهد کمک');
    await u.press('نقدی');
    await u.press('کمک عمومی');
    await u.press('ماهانه');
    await u.press('۳ ماه');
    await u.send('۱۰۰۰۰۰');
    await u.press('ناشناس بمانم');
    await u.press('تأیید و ثبت');
    await u.send('/menu');

    await u.press('گزارش پرداخت');
    expect(u.buttons()).toEqual(['تعهد ۱: ۳۰۰٬۰۰۰ تومان', 'کمک مستقیم، بدون تعهد']);
    await u.press('تعهد ۱: ۳۰۰٬۰۰۰ تومان');
    expect(u.buttons()).toEqual([
      'قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان',
      'قسط ۲، ۵ دی ۱۴۰۵، ۱۰۰٬۰۰۰ تومان',
      'قسط ۳، ۵ بهمن ۱۴۰۵، ۱۰۰٬۰۰۰ تومان',
    ]);
    await u.press('قسط ۱، ۵ آذر ۱۴۰۵، ۱۰۰٬۰۰۰ تومان');
    expect(u.lastText()).toBe('مبلغ پرداختی را به تومان بنویسید یا اگر ۱۰۰٬۰۰۰ تومان پرداخت کرده‌اید دکمهٔ آن را بزنید.');
    await u.press('۱۰۰٬۰۰۰ تومان');
    expect(u.lastText()).toBe('تاریخ پرداخت را بنویسید (مثلاً ۱۴۰۵/۰۹/۰۵) یا یکی از گزینه‌ها را بزنید.');
    await u.press('امروز');
    await u.send('۱۲۳۴۵۶۷۸۹');
    await u.send('۶۰۳۷');
    await u.sendPhoto();
    const photoId = [...h.api.files.keys()].at(-1)!;
    const summary = u.lastText()!;
    expect(summary).toContain('بابت: قسط ۱ از تعهد ۱');
    expect(summary).toContain('مبلغ: ۱۰۰٬۰۰۰ تومان');
    expect(summary).toContain('تاریخ پرداخت: ۵ آذر ۱۴۰۵');
    expect(summary).toContain('شمارهٔ پیگیری: ۱۲۳۴۵۶۷۸۹');
    expect(summary).toContain('چهار رقم آخر کارت: ۶۰۳۷');
    expect(summary).toContain('عکس رسید: پیوست شد');
    expect(await database.db.donation.count({ where: { donorId: donor.donorId } })).toBe(0);
    await u.press('تأیید و ثبت');
    expect(u.lastText()).toMatch(/^گزارش پرداخت شما ثبت شد\./);

    const pledge = await database.db.pledge.findFirstOrThrow({ where: { donorId: donor.donorId }, include: { installments: true } });
    const first = pledge.installments.find((i) => i.seq === 1)!;
    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    const chat = await h.chatAccount(u);
    expect(donation).toMatchObject({
      state: 'REPORTED',
      kind: 'CASH',
      fund: 'GENERAL',
      amountRial: 1_000_000n,
      pledgeId: pledge.id,
      installmentId: first.id,
      traceNumber: '123456789',
      cardLast4: '6037',
      receiptFileId: photoId,
      reportedViaChatAccountId: chat.id,
      receiptNo: null,
    });
    expect(donation.paidAt).toEqual(NOW);
    expect(await outboxOf(u)).toEqual([]);

    const finance = await trusteeActor(database.db, center.id, 'ADMIN_FINANCE');
    await h.core.giving.confirmDonation(finance, { donationId: donation.id });
    const confirmed = await database.db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(confirmed.state).toBe('CONFIRMED');
    const outbox = await outboxOf(u);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ template: 'donation.confirmed', status: 'PENDING' });
    expect((outbox[0]!.params as { receiptNo: number }).receiptNo).toBe(confirmed.receiptNo);
    expect((await database.db.pledgeInstallment.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('PAID');
  });
});

describe("what a payment report keeps in its conversation's row", () => {
  it('only the active pledges and their open installments, whatever the donor gave before', async () => {
    const { u, donor } = await donorUser(h, 'fa');
    for (let i = 1; i <= 5; i++)
      await createDonation(database.db, { centerId: center.id, donorId: donor.donorId, state: 'CONFIRMED', traceNumber: `OLDGIFT${i}` });
    const done = await createPledge(database.db, { centerId: center.id, donorId: donor.donorId, state: 'FULFILLED' });
    const open = await createPledge(database.db, { centerId: center.id, donorId: donor.donorId, schedule: 'MONTHLY', installmentCount: 3 });
    await database.db.pledgeInstallment.update({ where: { id: open.installments[0]!.id }, data: { state: 'PAID', paidAmountRial: 1_000_000n } });

    await u.send('/menu');
    await u.press('گزارش پرداخت');
    // Numbered as in the whole history: the fulfilled pledge is 1, this one 2.
    expect(u.buttons()[0]).toMatch(/^تعهد ۲: /);
    const row = await database.db.botSession.findFirstOrThrow({ where: { key: `conversation:${h.deps.botId}:${u.id}` } });
    const kept = JSON.stringify(row.value);
    expect(kept).toContain(open.id);
    expect(kept).not.toContain(done.id);
    expect(kept).not.toContain('OLDGIFT');
    expect(kept).not.toContain(open.installments[0]!.id);
    await u.press(u.buttons()[0]!);
    expect(u.buttons().map((b) => b.split('،')[0])).toEqual(['قسط ۲', 'قسط ۳']);
  });
});

describe('report a direct gift in English', () => {
  it('asks again for a wrong or future date and a missing photo; a rejection reaches the chat with its reason', async () => {
    const { u, donor } = await donorUser(h, 'en');
    await u.press('Report a payment');
    expect(u.lastText()).toBe('With which intention, for which fund?');
    await u.press('Sadaqa (alms)');
    expect(u.lastText()).toBe('Type the amount you paid, in Toman.');
    await u.send('50,000');
    await u.send('1405/13/01');
    expect(u.lastText()).toBe('Type the Jalali date as year/month/day, e.g. 1405/09/05\n\nType the payment date (e.g. 1405/09/05) or choose below.');
    await u.send('1405/09/20');
    expect(u.lastText()).toMatch(/^The payment date cannot be after today\.\n\nType the payment date/);
    await u.send('۱۴۰۵/۰۹/۰۳');
    await u.send('AB-12-CD');
    await u.send('60');
    expect(u.lastText()).toMatch(/^Please type only the card's last four digits\.\n\n/);
    await u.press('Skip');
    await u.send('here it is');
    expect(u.lastText()).toMatch(/^Please send the receipt as a photo, or press "Skip"\.\n\n/);
    await u.press('Skip');
    expect(u.lastText()).toContain('For: a direct gift (Sadaqa (alms))');
    expect(u.lastText()).toContain('Paid on: Azar 3, 1405 AP');
    expect(u.lastText()).toContain('Receipt photo: none');
    await u.press('Confirm');
    expect(u.lastText()).toMatch(/^Your payment report is saved\./);

    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(donation).toMatchObject({ state: 'REPORTED', fund: 'SADAQA', amountRial: 500_000n, pledgeId: null, traceNumber: 'AB12CD', cardLast4: null, receiptFileId: null });
    expect(donation.paidAt).toEqual(new Date(startOfJalaliDay({ year: 1405, month: 9, day: 3 }).getTime() + 12 * 3600_000));

    const staff = await staffActor(database.db, 'COUNTY_STAFF', { countyId: center.countyId });
    await h.core.giving.rejectDonation(staff, { donationId: donation.id, reason: 'No such transfer in the account' });
    const outbox = await outboxOf(u);
    expect(outbox.map((m) => m.template)).toEqual(['donation.rejected']);
    expect(outbox[0]!.params).toEqual({ reason: 'No such transfer in the account' });
  });

  it('against an installment, the amount question names what is owed in English too', async () => {
    const { u, donor } = await donorUser(h, 'en');
    await createPledge(database.db, { centerId: center.id, donorId: donor.donorId, schedule: 'MONTHLY', installmentCount: 3, firstDueOn: NOW });
    await u.press('Report a payment');
    await u.press(u.buttons().find((b) => b.startsWith('Pledge 1:'))!);
    await u.press(u.buttons().find((b) => b.startsWith('No. 1,'))!);
    expect(u.lastText()).toBe('Type the amount you paid in Toman, or press the button if you paid 100,000 Toman.');
    expect(u.buttons()).toEqual(['100,000 Toman']);
  });

  it('on Bale, a report with the yesterday button makes only calls Bale supports', async () => {
    const bale = createBotHarness({ database, clock: fakeClock, platform: 'BALE' });
    const { u, donor } = await donorUser(bale, 'fa');
    await u.press('گزارش پرداخت');
    await u.press('زکات');
    await u.send('۲۰۰۰۰۰');
    await u.press('دیروز');
    await u.send('۹۸۷۶۵۴');
    await u.send('۱۲۳۴');
    await u.sendPhoto();
    expect(u.lastText()).toContain('تاریخ پرداخت: ۴ آذر ۱۴۰۵');
    await u.press('تأیید و ثبت');
    expect(bale.api.rejected).toEqual([]);
    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(donation).toMatchObject({ fund: 'ZAKAT', amountRial: 2_000_000n, state: 'REPORTED' });
  });
});
