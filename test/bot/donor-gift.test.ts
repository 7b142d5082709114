/**
 * Reporting goods or a service through the bot (the fake Bot API): a direct in-kind gift
 * with its quantity, unit, estimated value and a typed Jalali day (Persian); goods
 * delivered against the donor's in-kind pledge, which is fulfilled once the center
 * confirms; a service with the hours skipped (English). Each stays REPORTED until the
 * center confirms it, and the receipt message then waits in the donor's outbox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfJalaliDay } from '../../core/jalali.ts';
import { trusteeActor } from '../../fixtures/actors.ts';
import type { BotHarness } from '../../fixtures/bot/harness.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { NOW, fakeClock } from '../helpers/giving.ts';
import type { Center } from '../../prisma/generated/client/client.ts';
import { botAtCenter } from '../helpers/bot.ts';

const database = useTestDatabase();
let h: BotHarness;
let center: Center;

beforeAll(async () => ({ h, center } = await botAtCenter(database, { name: 'مرکز نیکوکاری مسجد جامع' }, fakeClock)));

let nextId = 7700;
const donorUser = (languageCode: 'fa' | 'en') => h.donorAt(center.id, { id: nextId++, firstName: 'Test', languageCode });
const confirmAsFinance = async (donationId: string) =>
  h.core.giving.confirmDonation(await trusteeActor(database.db, center.id, 'ADMIN_FINANCE'), { donationId });

describe('report goods in Persian', () => {
  it('a direct in-kind gift: what, how many, the unit, its value and the day; REPORTED until the center confirms it', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('گزارش اهدای کالا یا خدمت');
    expect(u.lastText()).toBe('چه چیزی به مرکز اهدا کردید؟');
    expect(u.buttons()).toEqual(['غیرنقدی (کالا)', 'خدمات']);
    await u.press('غیرنقدی (کالا)');
    // No pledge of goods: straight to the fund.
    await u.press('کمک عمومی');
    await u.send('برنج ایرانی');
    await u.send('ده');
    expect(u.lastText()).toMatch(/^مقدار را با رقم بنویسید؛ مثلاً ۱۰\.\n\n/);
    await u.send('۱۰');
    await u.send('کیسه');
    await u.send('۳٬۰۰۰٬۰۰۰');
    expect(u.lastText()).toBe('تاریخ تحویل کالا یا انجام خدمت را بنویسید (مثلاً ۱۴۰۵/۰۹/۰۵) یا یکی از گزینه‌ها را بزنید.');
    // A day after today is refused in the words of goods handed over, and the question stays.
    await u.send('۱۴۰۵/۰۹/۲۰');
    expect(u.lastText()).toMatch(/^تاریخ تحویل نمی‌تواند بعد از امروز باشد\./);
    await u.send('۱۴۰۵/۰۹/۰۳');
    const summary = u.lastText()!;
    expect(summary).toContain('خلاصهٔ گزارش کمک غیرنقدی:');
    expect(summary).toContain('بابت: کمک مستقیم (کمک عمومی)');
    expect(summary).toContain('کالا: برنج ایرانی');
    expect(summary).toContain('مقدار: ۱۰ کیسه');
    expect(summary).toContain('ارزش تقریبی: ۳٬۰۰۰٬۰۰۰ تومان');
    expect(summary).toContain('تاریخ تحویل: ۳ آذر ۱۴۰۵');
    expect(await database.db.donation.count({ where: { donorId: donor.donorId } })).toBe(0);
    await u.press('تأیید و ثبت');
    expect(u.lastText()).toMatch(/^گزارش شما ثبت شد\./);

    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(donation).toMatchObject({
      state: 'REPORTED',
      kind: 'IN_KIND',
      fund: 'GENERAL',
      itemDescription: 'برنج ایرانی',
      quantity: 10,
      unit: 'کیسه',
      estimatedValueRial: 30_000_000n,
      amountRial: null,
      sandoghAccountNo: null,
      pledgeId: null,
      reportedViaChatAccountId: (await h.chatAccount(u)).id,
    });
    expect(donation.paidAt).toEqual(new Date(startOfJalaliDay({ year: 1405, month: 9, day: 3 }).getTime() + 12 * 3600_000));

    const confirmed = await confirmAsFinance(donation.id);
    const outbox = await database.db.outboxMessage.findMany({ where: { chatAccountId: (await h.chatAccount(u)).id } });
    expect(outbox.map((m) => [m.template, (m.params as { receiptNo: number; kind: string }).receiptNo, (m.params as { kind: string }).kind])).toEqual([
      ['donation.confirmed', confirmed.receiptNo, 'IN_KIND'],
    ]);
  });

  it('goods delivered against an in-kind pledge: the pledge is offered, and fulfilled once the center confirms', async () => {
    const { u, donor } = await donorUser('fa');
    await u.press('ثبت تعهد کمک');
    await u.press('غیرنقدی (کالا)');
    await u.press('اکرام ایتام');
    await u.press('یک‌باره');
    await u.send('بیست بستهٔ لوازم‌التحریر');
    await u.press('رد شدن');
    await u.press('ناشناس بمانم');
    await u.press('تأیید و ثبت');
    await u.send('/menu');

    await u.press('گزارش اهدای کالا یا خدمت');
    await u.press('غیرنقدی (کالا)');
    expect(u.buttons()).toEqual(['تعهد ۱: غیرنقدی (کالا): بیست بستهٔ لوازم‌التحریر', 'کمک مستقیم، بدون تعهد']);
    await u.press('تعهد ۱: غیرنقدی (کالا): بیست بستهٔ لوازم‌التحریر');
    await u.send('بستهٔ لوازم‌التحریر');
    await u.send('۲۰');
    await u.press('رد شدن');
    await u.press('رد شدن');
    await u.press('امروز');
    expect(u.lastText()).toContain('بابت: تعهد ۱');
    expect(u.lastText()).toContain('مقدار: ۲۰\n');
    await u.press('تأیید و ثبت');

    const pledge = await database.db.pledge.findFirstOrThrow({ where: { donorId: donor.donorId } });
    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(donation).toMatchObject({ state: 'REPORTED', kind: 'IN_KIND', fund: 'ORPHANS', pledgeId: pledge.id, quantity: 20, unit: null, estimatedValueRial: null });
    expect(donation.paidAt).toEqual(NOW);
    await confirmAsFinance(donation.id);
    expect((await database.db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).state).toBe('FULFILLED');
  });
});

describe('report a service in English', () => {
  it('what was done, the hours skipped, yesterday', async () => {
    const { u, donor } = await donorUser('en');
    await u.press('Report goods or a service given');
    await u.press('Service');
    await u.press('Health');
    await u.send('Free check-ups for five patients');
    await u.press('Skip');
    await u.press('Yesterday');
    expect(u.lastText()).toContain('Service: Free check-ups for five patients');
    expect(u.lastText()).toContain('Handed over on: Azar 4, 1405 AP');
    await u.press('Confirm');
    expect(u.lastText()).toMatch(/^Your report is recorded\./);
    const donation = await database.db.donation.findFirstOrThrow({ where: { donorId: donor.donorId } });
    expect(donation).toMatchObject({ state: 'REPORTED', kind: 'SERVICE', fund: 'HEALTH', serviceDescription: 'Free check-ups for five patients', serviceHours: null });
  });
});
